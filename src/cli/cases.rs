//! Reading cases from stdin for `assess` and `validate`: one JSON case, or JSON Lines with
//! `--batch`. Every case is validated before anything is printed, so bad input leaves stdout
//! empty and the error names the line and the key.

use std::io::Read;

use super::CliError;
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
