//! Reading cases from stdin for `assess` and `validate`: one JSON case, or JSON Lines with
//! `--batch`. Every case is validated before anything is printed, so bad input leaves stdout
//! empty and the error names the line and the key.

use std::io::{BufWriter, Read, StdoutLock, Write};

use super::{CliError, CliResult};
use crate::engine::Case;

pub fn read_stdin() -> Result<String, CliError> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).map_err(|e| CliError::bad_input(format!("cannot read stdin: {e}")))?;
    Ok(text)
}

/// A failed write to stdout (a full disk, a closed file); a closed pipe ends the process quietly
/// before this, as SIGPIPE is restored.
pub fn write_failed(e: std::io::Error) -> CliError {
    CliError { message: format!("cannot write the output: {e}"), bad_input: false }
}

fn bad(e: crate::engine::CaseError, line: Option<usize>) -> CliError {
    let at = line.map(|n| format!("line {n}: ")).unwrap_or_default();
    CliError::bad_input(format!("{at}{e} [{}]", e.code()))
}

/// The case(s) on stdin, all validated.
pub fn read_cases(batch: bool) -> Result<Vec<Case>, CliError> {
    let text = read_stdin()?;
    if !batch {
        return Ok(vec![Case::from_json(&text).map_err(|e| bad(e, None))?]);
    }
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| Case::from_json(l).map_err(|e| bad(e, Some(i + 1))))
        .collect()
}

/// Stdout for a run of `assess` or `validate`: one buffered writer for the whole run (a write per
/// line, with the result built as a serde_json Value first, was half the time of
/// `assess --batch`; `validate` writes the same way, so `make bench` compares their work).
pub type Out = BufWriter<StdoutLock<'static>>;

/// Reads the case(s) on stdin, all validated before anything is printed, then writes each with
/// `write`.
pub fn write_each(batch: bool, mut write: impl FnMut(&mut Out, &Case) -> std::io::Result<()>) -> CliResult {
    let cases = read_cases(batch)?;
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    for case in &cases {
        write(&mut out, case).map_err(write_failed)?;
    }
    out.flush().map_err(write_failed)
}
