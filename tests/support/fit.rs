//! A minimal FIT file writer for tests: fitparser only reads, so the committed
//! `tests/data/run.fit` is built here byte by byte, and a test checks the file still matches.
//!
//! A FIT file (Garmin FIT SDK, "Flexible and Interoperable Data Transfer") is:
//! - a 14-byte header: header size (14), protocol version (0x20 = 2.0), profile version
//!   (u16 LE), the size of the records that follow (u32 LE), the ASCII ".FIT", and the CRC of
//!   the 12 bytes before it (u16 LE);
//! - records: a *definition* message (header byte 0x40 | local type; reserved byte; architecture
//!   0 = little endian; global message number u16; field count; then per field its number, size
//!   and base type) tells how the *data* messages of that local type (header byte = local type)
//!   are laid out;
//! - the CRC (u16 LE) of everything before it.
//!
//! Only what an activity needs is written: a `file_id` (global message 0) and a `session`
//! (global message 18) with its start time, sport and totals. FIT times are seconds since
//! 1989-12-31T00:00:00Z; distances are centimetres and times milliseconds (scale 100 and 1000).

const FIT_EPOCH_UNIX: i64 = 631_065_600;

/// Base types (FIT SDK "Base Type" table).
const ENUM: u8 = 0x00;
const UINT16: u8 = 0x84;
const UINT32: u8 = 0x86;

const CRC_TABLE: [u16; 16] = [
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
];

/// The FIT SDK's CRC-16, four bits at a time.
pub fn crc(bytes: &[u8]) -> u16 {
    bytes.iter().fold(0u16, |mut crc, &b| {
        for nibble in [b & 0x0F, b >> 4] {
            let tmp = CRC_TABLE[(crc & 0xF) as usize];
            crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ CRC_TABLE[nibble as usize];
        }
        crc
    })
}

/// One field of a message: its number in the FIT profile, its base type and its value.
struct Field {
    number: u8,
    base_type: u8,
    value: u32,
}

impl Field {
    fn size(&self) -> u8 {
        match self.base_type {
            ENUM => 1,
            UINT16 => 2,
            _ => 4,
        }
    }
}

/// A definition message for `local` then one data message with the values.
fn message(out: &mut Vec<u8>, local: u8, global: u16, fields: &[Field]) {
    out.extend([0x40 | local, 0, 0]);
    out.extend(global.to_le_bytes());
    out.push(fields.len() as u8);
    for f in fields {
        out.extend([f.number, f.size(), f.base_type]);
    }
    out.push(local);
    for f in fields {
        out.extend(&f.value.to_le_bytes()[..f.size() as usize]);
    }
}

/// What the test activity holds.
pub struct Activity {
    pub start_unix: i64,
    /// FIT `sport` enum: 1 running, 2 cycling.
    pub sport: u8,
    pub distance_m: f64,
    pub elapsed_s: f64,
    pub ascent_m: u16,
}

/// A complete, valid FIT activity file.
pub fn activity(a: &Activity) -> Vec<u8> {
    let start = (a.start_unix - FIT_EPOCH_UNIX) as u32;
    let end = start + a.elapsed_s as u32;
    let mut records = Vec::new();
    message(
        &mut records,
        0,
        0,
        &[
            Field { number: 0, base_type: ENUM, value: 4 },     // type: activity
            Field { number: 1, base_type: UINT16, value: 255 }, // manufacturer: development
            Field { number: 4, base_type: UINT32, value: start }, // time_created
        ],
    );
    message(
        &mut records,
        1,
        18,
        &[
            Field { number: 253, base_type: UINT32, value: end }, // timestamp
            Field { number: 2, base_type: UINT32, value: start }, // start_time
            Field { number: 5, base_type: ENUM, value: u32::from(a.sport) },
            Field { number: 7, base_type: UINT32, value: (a.elapsed_s * 1000.0) as u32 }, // total_elapsed_time
            Field { number: 8, base_type: UINT32, value: (a.elapsed_s * 1000.0) as u32 }, // total_timer_time
            Field { number: 9, base_type: UINT32, value: (a.distance_m * 100.0) as u32 }, // total_distance
            Field { number: 22, base_type: UINT16, value: u32::from(a.ascent_m) },        // total_ascent
        ],
    );
    let mut file = vec![14, 0x20];
    file.extend(2132u16.to_le_bytes()); // profile version 21.32
    file.extend((records.len() as u32).to_le_bytes());
    file.extend(b".FIT");
    let header_crc = crc(&file);
    file.extend(header_crc.to_le_bytes());
    file.extend(records);
    let file_crc = crc(&file);
    file.extend(file_crc.to_le_bytes());
    file
}

/// The activity committed as `tests/data/run.fit`: the same run as `run.gpx` and `run.tcx`.
pub fn committed_run() -> Activity {
    Activity { start_unix: 1_794_900_600, sport: 1, distance_m: 5012.34, elapsed_s: 1800.0, ascent_m: 42 }
}
