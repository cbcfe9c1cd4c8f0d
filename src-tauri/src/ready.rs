//! The start-up benchmark's finish line, shared with the bare window in bench/bare-window (which
//! includes this file): when the UI says its first interactive screen is painted (`ui_ready`),
//! the milliseconds since this process started are appended to `$SOLEUS_READY_FILE`. Without
//! that variable nothing is written, so a person's app never touches a file for it.

use std::io::Write;

/// The variable naming the file that `make bench` and the package test read.
pub const READY_FILE_VAR: &str = "SOLEUS_READY_FILE";

/// Appends the milliseconds since process start to `$SOLEUS_READY_FILE`, when it is set.
pub fn note_ready() -> std::io::Result<()> {
    match std::env::var_os(READY_FILE_VAR) {
        Some(path) => append_ms(std::path::Path::new(&path)),
        None => Ok(()),
    }
}

fn append_ms(path: &std::path::Path) -> std::io::Result<()> {
    let ms = ms_since_process_start()?;
    let mut file = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
    writeln!(file, "{ms}")
}

/// Since the kernel started this process (before the dynamic loader, GTK and WebKit), not since
/// `main`: both the process's start and the clock come from /proc, in the boot-time clock and
/// its 10 ms ticks (USER_HZ is 100 on every Linux architecture Tauri builds for).
fn ms_since_process_start() -> std::io::Result<u64> {
    let bad = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, format!("unreadable {what}"));
    let stat = std::fs::read_to_string("/proc/self/stat")?;
    // The fields after the command name (which may hold spaces) in parentheses; starttime is
    // field 22 of the line, the 20th after the name.
    let after_name = stat.rsplit_once(')').ok_or_else(|| bad("/proc/self/stat"))?.1;
    let start_ticks: u64 = after_name.split_whitespace().nth(19).and_then(|f| f.parse().ok()).ok_or_else(|| bad("/proc/self/stat"))?;
    let uptime = std::fs::read_to_string("/proc/uptime")?;
    let uptime_s: f64 = uptime.split_whitespace().next().and_then(|f| f.parse().ok()).ok_or_else(|| bad("/proc/uptime"))?;
    Ok(((uptime_s * 1000.0).round() as u64).saturating_sub(start_ticks * 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_process_that_has_run_a_while_is_older_than_zero_and_younger_than_a_day() {
        std::thread::sleep(std::time::Duration::from_millis(30));
        let ms = ms_since_process_start().unwrap();
        assert!((20..86_400_000).contains(&ms), "{ms} ms since start");
    }

    #[test]
    fn each_signal_appends_one_line_of_milliseconds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ready");
        append_ms(&path).unwrap();
        append_ms(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let ms: Vec<u64> = text.lines().map(|l| l.parse().unwrap()).collect();
        assert_eq!(ms.len(), 2, "{text:?}");
        assert!(ms[0] <= ms[1], "{text:?}");
    }
}
