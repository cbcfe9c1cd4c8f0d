//! What a file must stay within before its parser sees it. Every parser here came from outside
//! (gpx on xml-rs, roxmltree, fitparser), and mutated files made them hang for seconds (entity
//! expansion in a 160 KB GPX, 100,000 attributes on one TCX element) or panic (a FIT header that
//! claims more bytes than the file has). These checks are linear in the file's size, and each
//! limit, when passed, is named to the person in words.

use std::fmt;

use quick_xml::events::Event;

/// The largest file read, before and after decompression. A whole day's GPS track at a point a
/// second with heart rate is about 25 MB, and a pain log of 100,000 scores about 4 MB.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// Track points in one GPX or TCX file: two days and more at a point a second.
pub const MAX_TRACK_POINTS: usize = 200_000;
/// How deep elements may nest; GPX and TCX files nest under ten deep.
pub const MAX_XML_DEPTH: usize = 64;
/// Attributes on one element; GPX and TCX elements have a handful.
pub const MAX_ATTRIBUTES: usize = 100;

/// A limit a file went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    FileSize,
    Unzipped,
    TrackPoints,
    Depth,
    Attributes,
    /// Entity declarations are refused outright: run files never use them, and each can expand
    /// to many times its size (the "billion laughs").
    Entities,
}

impl Limit {
    pub fn code(self) -> crate::error::ErrorCode {
        use crate::error::ErrorCode;
        match self {
            Limit::FileSize => ErrorCode::ImportFileTooLarge,
            Limit::Unzipped => ErrorCode::ImportUnzippedTooLarge,
            Limit::TrackPoints => ErrorCode::ImportTooManyPoints,
            Limit::Depth => ErrorCode::ImportTooDeeplyNested,
            Limit::Attributes => ErrorCode::ImportTooManyAttributes,
            Limit::Entities => ErrorCode::ImportEntitiesRefused,
        }
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mb = MAX_FILE_BYTES / (1024 * 1024);
        match self {
            Limit::FileSize => write!(f, "the file is larger than {mb} MB, the most Soleus reads (a whole day's GPS track is about 25 MB)"),
            Limit::Unzipped => write!(f, "it expands to more than {mb} MB when unpacked, the most Soleus reads (far more than any run file)"),
            Limit::TrackPoints => write!(
                f,
                "it has more than {} track points, the most Soleus reads (over two days at a point a second)",
                crate::log::thousands(MAX_TRACK_POINTS)
            ),
            Limit::Depth => write!(f, "its elements are nested more than {MAX_XML_DEPTH} deep, the most Soleus reads (run files nest under ten deep)"),
            Limit::Attributes => write!(f, "an element in it has more than {MAX_ATTRIBUTES} attributes, the most Soleus reads (run files have a handful)"),
            Limit::Entities => write!(f, "it declares entities of its own, which run files never use and which can expand without bound, so Soleus does not read them"),
        }
    }
}

/// Why a file's contents were refused, before its name is attached.
#[derive(Debug)]
pub enum Refusal {
    Unreadable(String),
    /// A row of a CSV file (counting from 1 after the header), and what is wrong with it.
    Row(usize, String),
    Limit(Limit),
}

impl From<String> for Refusal {
    fn from(reason: String) -> Self {
        Refusal::Unreadable(reason)
    }
}

impl From<&str> for Refusal {
    fn from(reason: &str) -> Self {
        Refusal::Unreadable(reason.to_string())
    }
}

impl From<Limit> for Refusal {
    fn from(limit: Limit) -> Self {
        Refusal::Limit(limit)
    }
}

/// Walks an XML document once, as a stream, and refuses it when it goes past a limit. `points`
/// names the elements that are track points (`trkpt`, `Trackpoint`); `format` is how the
/// person knows the file ("GPX"). A document that is not well-formed is refused here too, with
/// where it goes wrong.
pub fn check_xml(bytes: &[u8], format: &str, points: &[&[u8]]) -> Result<(), Refusal> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let (mut depth, mut count) = (0usize, 0usize);
    let mut element = |e: &quick_xml::events::BytesStart| -> Result<(), Refusal> {
        // Without the duplicate check, which compares every pair and is what made 100,000
        // attributes take seconds.
        if e.attributes().with_checks(false).take(MAX_ATTRIBUTES + 1).count() > MAX_ATTRIBUTES {
            return Err(Limit::Attributes.into());
        }
        if points.contains(&e.local_name().as_ref()) {
            count += 1;
            if count > MAX_TRACK_POINTS {
                return Err(Limit::TrackPoints.into());
            }
        }
        Ok(())
    };
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| {
            Refusal::Unreadable(format!("not a readable {format} file (near byte {}: {e})", reader.error_position()))
        })?;
        match event {
            Event::Start(e) => {
                depth += 1;
                if depth > MAX_XML_DEPTH {
                    return Err(Limit::Depth.into());
                }
                element(&e)?;
            }
            Event::Empty(e) => element(&e)?,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::DocType(d) if d.windows(8).any(|w| w.eq_ignore_ascii_case(b"<!ENTITY")) => return Err(Limit::Entities.into()),
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
}

/// A FIT file's header (12 or 14 bytes: its own size, versions, the size of the records that
/// follow, ".FIT"), checked before the parser trusts it: fitparser slices by these numbers.
pub fn check_fit_header(bytes: &[u8]) -> Result<(), Refusal> {
    let not_fit = |why: String| Refusal::Unreadable(format!("not a readable FIT file ({why})"));
    let Some(&size) = bytes.first() else {
        return Err(not_fit("it is empty".into()));
    };
    if size != 12 && size != 14 {
        return Err(not_fit(format!("its header says it is {size} bytes long; a FIT header is 12 or 14")));
    }
    let size = usize::from(size);
    if bytes.len() < size || &bytes[8..12] != b".FIT" {
        return Err(not_fit("it does not start with a FIT header".into()));
    }
    let records = u32::from_le_bytes(bytes[4..8].try_into().expect("four bytes")) as usize;
    // The records, then a 2-byte checksum.
    if size + records + 2 > bytes.len() {
        return Err(not_fit(format!(
            "it is cut short: its header announces {} bytes of records, and only {} follow",
            crate::log::thousands(records),
            crate::log::thousands(bytes.len().saturating_sub(size + 2))
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(result: Result<(), Refusal>) -> Option<Limit> {
        match result {
            Err(Refusal::Limit(l)) => Some(l),
            _ => None,
        }
    }

    #[test]
    fn each_xml_limit_is_refused_by_name_just_past_it() {
        let nested = |n: usize| format!("{}{}", "<a>".repeat(n), "</a>".repeat(n));
        assert!(check_xml(nested(MAX_XML_DEPTH).as_bytes(), "GPX", &[]).is_ok());
        assert_eq!(refused(check_xml(nested(MAX_XML_DEPTH + 1).as_bytes(), "GPX", &[])), Some(Limit::Depth));
        let attrs = |n: usize| format!("<a {}/>", (0..n).map(|i| format!("x{i}=\"1\"")).collect::<Vec<_>>().join(" "));
        assert!(check_xml(attrs(MAX_ATTRIBUTES).as_bytes(), "GPX", &[]).is_ok());
        assert_eq!(refused(check_xml(attrs(MAX_ATTRIBUTES + 1).as_bytes(), "GPX", &[])), Some(Limit::Attributes));
        let points = |n: usize| format!("<gpx>{}</gpx>", "<trkpt lat=\"1\" lon=\"2\"/>".repeat(n));
        assert!(check_xml(points(MAX_TRACK_POINTS).as_bytes(), "GPX", &[b"trkpt"]).is_ok());
        assert_eq!(refused(check_xml(points(MAX_TRACK_POINTS + 1).as_bytes(), "GPX", &[b"trkpt"])), Some(Limit::TrackPoints));
        let entity = "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY a \"aaaa\">]><gpx>&a;</gpx>";
        assert_eq!(refused(check_xml(entity.as_bytes(), "GPX", &[])), Some(Limit::Entities));
        assert!(check_xml(b"<!DOCTYPE gpx><gpx/>", "GPX", &[]).is_ok(), "a plain DOCTYPE is harmless");
        match check_xml(b"<gpx><trk></gpx>", "GPX", &[]) {
            Err(Refusal::Unreadable(why)) => assert!(why.starts_with("not a readable GPX file"), "{why}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn every_limit_is_said_in_words_with_its_figure() {
        assert!(Limit::FileSize.to_string().contains("50 MB"));
        assert!(Limit::TrackPoints.to_string().contains("200,000 track points"));
        assert!(Limit::Depth.to_string().contains("64 deep"));
        assert!(Limit::Attributes.to_string().contains("100 attributes"));
    }

    #[test]
    fn a_fit_header_that_lies_about_its_sizes_is_refused() {
        let mut header = vec![14u8, 0x10, 0, 0, 10, 0, 0, 0];
        header.extend_from_slice(b".FIT");
        header.extend_from_slice(&[0, 0]);
        let mut whole = header.clone();
        whole.extend_from_slice(&[0; 12]);
        assert!(check_fit_header(&whole).is_ok());
        for (bytes, why) in [
            (&b""[..], "empty"),
            (&[123u8, 0, 0, 0][..], "123 bytes"),
            (&header[..10], "does not start"),
            (&header[..], "cut short"),
        ] {
            match check_fit_header(bytes) {
                Err(Refusal::Unreadable(m)) => assert!(m.contains(why), "{m}"),
                other => panic!("{why}: {other:?}"),
            }
        }
    }
}
