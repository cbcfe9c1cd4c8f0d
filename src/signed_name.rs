//! A name typed to sign something: the clinic a report is prepared by, who examined a check or
//! confirmed its cause. The one rule for all of them: trimmed, empty means none, and only spaces,
//! over the limit or over several lines refused. Each caller names the refusal in its own error.

/// Why a name was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    /// Spaces only: most likely a slip, never meant as a name.
    Blank,
    /// Longer than the limit, in characters (the length given).
    TooLong(usize),
    /// A line break or another control character.
    Control,
}

/// `name` trimmed, or why it is refused; an empty text is no name and passes as "".
pub fn checked(name: &str, max: usize) -> Result<&str, NameProblem> {
    if !name.is_empty() && name.trim().is_empty() {
        return Err(NameProblem::Blank);
    }
    let name = name.trim();
    let length = name.chars().count();
    if length > max {
        return Err(NameProblem::TooLong(length));
    }
    if name.chars().any(char::is_control) {
        return Err(NameProblem::Control);
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_trimmed_and_refused_only_when_blank_too_long_or_over_lines() {
        assert_eq!(checked("  Jo Park ", 10), Ok("Jo Park"));
        assert_eq!(checked("", 10), Ok(""));
        assert_eq!(checked("   ", 10), Err(NameProblem::Blank));
        assert_eq!(checked("Jo Parkinson", 10), Err(NameProblem::TooLong(12)));
        assert_eq!(checked("Jo\nPark", 10), Err(NameProblem::Control));
    }
}
