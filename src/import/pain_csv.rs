//! The pain-log CSV, the same shape Soleus exports: `recorded_at,score,moment,side,notes`.
//! Only `recorded_at` and `score` are required; other columns are ignored.

use std::io::Read;

use chrono::{DateTime, Utc};

use crate::log::entries::{NewPainEntry, parse_score};
use crate::log::{Side, Zone, parse_time};

pub const HEADER: [&str; 5] = ["recorded_at", "score", "moment", "side", "notes"];

/// True when a CSV header line is a pain log's.
pub fn is_header(line: &str) -> bool {
    let cols: Vec<String> = line.split(',').map(|c| c.trim().trim_matches('"').trim_start_matches('\u{feff}').to_ascii_lowercase()).collect();
    cols.iter().any(|c| c == "recorded_at") && cols.iter().any(|c| c == "score")
}

/// Reads and checks every row; the first bad row is an error naming its line.
pub fn read(input: impl Read, zone: Zone, now: DateTime<Utc>) -> Result<Vec<NewPainEntry>, String> {
    let mut all = Vec::new();
    read_chunks(input, zone, now, 4096, |chunk| {
        all.extend(chunk);
        true
    })?;
    Ok(all)
}

/// Reads and checks rows, handing them on `chunk` at a time (so they can be stored while the rest
/// is still being read); stops early when `send` returns false. Returns the number of rows, or
/// the first bad row's error naming its line.
pub fn read_chunks(
    input: impl Read,
    zone: Zone,
    now: DateTime<Utc>,
    chunk: usize,
    mut send: impl FnMut(Vec<NewPainEntry>) -> bool,
) -> Result<usize, String> {
    // Cells are trimmed where they are read: the csv crate's own trimming copies every record,
    // which was half the time of reading a large file.
    let mut reader = csv::ReaderBuilder::new().from_reader(input);
    let header = reader.headers().map_err(|e| format!("cannot read the header ({e})"))?.clone();
    let col = |name: &str| header.iter().position(|h| h.trim().trim_start_matches('\u{feff}').eq_ignore_ascii_case(name));
    let at = col("recorded_at").ok_or("no recorded_at column")?;
    let score = col("score").ok_or("no score column")?;
    let (moment, side, notes) = (col("moment"), col("side"), col("notes"));
    let mut batch = Vec::with_capacity(chunk);
    let mut row = csv::StringRecord::new();
    let mut total = 0;
    loop {
        match reader.read_record(&mut row) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(format!("line {}: {e}", reader.position().line())),
        }
        let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).unwrap_or("");
        let entry = parse_time(cell(Some(at)), zone)
            .and_then(|t| {
                let s = parse_score(cell(Some(score)))?;
                let side = Side::parse_optional(cell(side))?;
                NewPainEntry::new(t, i64::from(s), cell(moment), side, cell(notes), now)
            })
            .map_err(|e| format!("line {}: {e}", row.position().map_or(0, |p| p.line())))?;
        batch.push(entry);
        total += 1;
        if batch.len() == chunk && !send(std::mem::replace(&mut batch, Vec::with_capacity(chunk))) {
            return Ok(total);
        }
    }
    if !batch.is_empty() {
        send(batch);
    }
    Ok(total)
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
        let err = read(quoted.as_bytes(), utc, now).unwrap_err();
        assert!(err.starts_with("line 4:"), "a quoted newline counts as a line: {err}");
    }
}
