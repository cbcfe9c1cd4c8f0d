//! The pain-log CSV, the same shape Soleus exports: `recorded_at,score,moment,side,notes`.
//! Only `recorded_at` and `score` are required; other columns are ignored.

use std::io::Read;

use chrono::{DateTime, Utc};

use crate::import::limits::Refusal;
use super::csv::unquote;
use crate::log::entries::{NewPainEntry, parse_score};
use crate::log::{Side, Zone, parse_time};

pub const HEADER: [&str; 5] = ["recorded_at", "score", "moment", "side", "notes"];

/// True when a CSV header line is a pain log's.
pub fn is_header(line: &str) -> bool {
    let cols: Vec<String> = line.split(',').map(|c| c.trim().trim_matches('"').trim_start_matches('\u{feff}').to_ascii_lowercase()).collect();
    cols.iter().any(|c| c == "recorded_at") && cols.iter().any(|c| c == "score")
}

/// Reads and checks every row; the first bad row is refused by its number (counting from 1
/// after the header, as a spreadsheet shows it less one), with what is wrong with it.
pub fn read(input: impl Read, zone: Zone, now: DateTime<Utc>) -> Result<Vec<NewPainEntry>, Refusal> {
    // Cells are trimmed where they are read: the csv crate's own trimming copies every record,
    // which was half the time of reading a large file.
    let mut reader = csv::ReaderBuilder::new().from_reader(input);
    let header = reader.headers().map_err(|e| format!("cannot read its first line ({})", cell_error(&e)))?.clone();
    let col = |name: &str| header.iter().position(|h| h.trim().trim_start_matches('\u{feff}').eq_ignore_ascii_case(name));
    let at = col("recorded_at").ok_or("its first line has no recorded_at column")?;
    let score = col("score").ok_or("its first line has no score column")?;
    let (moment, side, notes) = (col("moment"), col("side"), col("notes"));
    let mut all = Vec::new();
    let mut row = csv::StringRecord::new();
    loop {
        let number = all.len() + 1;
        match reader.read_record(&mut row) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(Refusal::Row(number, cell_error(&e))),
        }
        let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).unwrap_or("");
        let entry = parse_time(cell(Some(at)), zone)
            .and_then(|t| {
                let s = parse_score(cell(Some(score)))?;
                let side = Side::parse_optional(cell(side))?;
                // Soleus's own export quotes text a spreadsheet would run as a formula.
                NewPainEntry::new(t, i64::from(s), unquote(cell(moment)), side, unquote(cell(notes)), now)
            })
            .map_err(|e| Refusal::Row(number, e.to_string()))?;
        all.push(entry);
    }
    Ok(all)
}

/// The csv crate's errors in words (its own name the record, line and byte).
pub(crate) fn cell_error(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => format!("it has {len} cells where the first line has {expected_len}"),
        csv::ErrorKind::Utf8 { .. } => "it is not text (UTF-8)".into(),
        csv::ErrorKind::Io(e) => e.to_string(),
        _ => "it cannot be read as a row of cells".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_around_cells_and_headers_are_ignored_and_bad_rows_name_their_line() {
        let now = DateTime::parse_from_rfc3339("2026-11-23T12:00:00Z").unwrap().to_utc();
        let utc = chrono::FixedOffset::east_opt(0).unwrap().into();
        let text = "\u{feff} recorded_at , score ,side\n 2026-11-20T08:00:00Z , 4 , Right \n";
        let rows = read(text.as_bytes(), utc, now).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].recorded_at().to_rfc3339(), "2026-11-20T08:00:00+00:00");
        let quoted = "recorded_at,score,notes\n2026-11-20T08:00:00Z,4,\"two\nlines\"\n2026-11-21T08:00:00Z,x,\n";
        match read(quoted.as_bytes(), utc, now) {
            Err(Refusal::Row(2, why)) => assert!(why.contains("\"x\""), "rows, not lines, are counted: {why}"),
            other => panic!("{other:?}"),
        }
        match read("recorded_at,score\n2026-11-20T08:00:00Z,4,extra\n".as_bytes(), utc, now) {
            Err(Refusal::Row(1, why)) => assert_eq!(why, "it has 3 cells where the first line has 2"),
            other => panic!("{other:?}"),
        }
    }
}
