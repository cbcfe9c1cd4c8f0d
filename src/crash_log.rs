//! The crash log, kept local: what happened when Soleus panicked, in a private file beside the
//! database (`crash.log` in the data folder), for the person to read and, if they choose, to
//! copy to whoever helps them. Nothing here is ever sent anywhere.
//!
//! [`install`] sets a panic hook that appends one entry per panic: the time (UTC), the app
//! version, the thread, the panic's location, a short summary of its message and a backtrace.
//! The file is created only when a panic happens, with mode 0600 from its first byte, and is
//! rotated at [`MAX_BYTES`] (the older half goes to `crash.log.1`, replacing any older one).
//!
//! No health data goes in: the hook formats no application value, only the panic's own
//! message, and of that only [`summary`]: its first line, cut before anything Rust's standard
//! messages quote from a value (the `Err` of an `unwrap`, the text of a bad slice), at most
//! [`SUMMARY_CHARS`] characters. That is acceptable because Soleus's own panic messages are
//! fixed sentences that name no answer, score or name (the rule in ARCHITECTURE.md, "Invariants").

use std::any::Any;
use std::backtrace::Backtrace;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Read, Write};
use std::panic::PanicHookInfo;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once, PoisonError};

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use ts_rs::TS;

/// The log's file name in the data folder.
pub const FILE: &str = "crash.log";
/// The previous log, kept after a rotation.
pub const ROTATED: &str = "crash.log.1";
/// The size the log may reach before it is rotated (entries are a few KB with a backtrace).
pub const MAX_BYTES: u64 = 256 * 1024;
/// The longest panic message summary kept, in characters.
pub const SUMMARY_CHARS: usize = 200;
/// What starts every entry; [`read`] uses it to find the last one's time.
const ENTRY_MARK: &str = "=== Soleus crash at ";

/// The folder the hook writes to: set by [`install`], changeable (tests, a CLI `--db`).
static DIR: Mutex<Option<PathBuf>> = Mutex::new(None);
static HOOK: Once = Once::new();

/// Writes every later panic of this process to `dir/crash.log`. The hook is installed once;
/// calling again only changes the folder. The previous hook still runs after ours, so a panic
/// is also printed to stderr as before.
pub fn install(dir: impl Into<PathBuf>) {
    *DIR.lock().unwrap_or_else(PoisonError::into_inner) = Some(dir.into());
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            record(info);
            previous(info);
        }));
    });
}

/// The hook's work. Failing to write the log must never hide the panic itself, so every error
/// here is dropped (the previous hook still reports the panic).
fn record(info: &PanicHookInfo<'_>) {
    let Some(dir) = DIR.lock().unwrap_or_else(PoisonError::into_inner).clone() else { return };
    let thread = std::thread::current();
    let entry = Entry {
        at: Utc::now(),
        version: env!("CARGO_PKG_VERSION"),
        thread: thread.name().unwrap_or("unnamed"),
        location: info.location().map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column())),
        message: summary(info.payload()),
        backtrace: Backtrace::force_capture().to_string(),
    };
    let _ = append(&dir, &entry.render(), MAX_BYTES);
}

/// One panic, as written to the log. Every field is the program's own: code locations, thread
/// names, the version, and the summary of the panic's message.
pub struct Entry<'a> {
    pub at: DateTime<Utc>,
    pub version: &'a str,
    pub thread: &'a str,
    pub location: Option<String>,
    pub message: String,
    pub backtrace: String,
}

impl Entry<'_> {
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{ENTRY_MARK}{} ===", self.at.to_rfc3339_opts(SecondsFormat::Secs, true));
        let _ = writeln!(out, "version: {}", self.version);
        let _ = writeln!(out, "thread: {}", self.thread);
        let _ = writeln!(out, "at: {}", self.location.as_deref().unwrap_or("unknown"));
        let _ = writeln!(out, "message: {}", self.message);
        let _ = writeln!(out, "backtrace:\n{}\n", self.backtrace.trim_end());
        out
    }
}

/// The part of a panic's message the log keeps: its first line, cut before the first value
/// Rust's standard messages quote (after `: `, or in quotes or backticks: `expect` and
/// `unwrap` print the `Err`'s Debug there, a bad string slice prints the string), and at most
/// [`SUMMARY_CHARS`] characters. Something cut is marked with "…".
pub fn summary(payload: &(dyn Any + Send)) -> String {
    let text = if let Some(s) = payload.downcast_ref::<&str>() {
        s
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.as_str()
    } else {
        return "(no message)".to_string();
    };
    let first = text.lines().next().unwrap_or("");
    // The standard unwrap messages are fixed words with backticks of their own: keep them whole.
    const FIXED: [&str; 2] = ["called `Result::unwrap()` on an `Err` value", "called `Option::unwrap()` on a `None` value"];
    let (kept, rest) = match FIXED.iter().find(|f| first.starts_with(**f)) {
        Some(f) => first.split_at(f.len()),
        None => ("", first),
    };
    let cut = [": ", "`", "\"", " '"].iter().filter_map(|m| rest.find(m)).min().unwrap_or(rest.len());
    let short = format!("{kept}{}", rest[..cut].trim_end());
    let shortened = short.len() < text.trim_end().len();
    let mut out: String = short.chars().take(SUMMARY_CHARS).collect();
    if shortened || out.len() < short.len() {
        out.push('…');
    }
    out
}

/// Appends `text` to `dir/crash.log`, creating the folder and the file (0600) as needed. When
/// the file would grow past `max` bytes it is first renamed to `crash.log.1`, replacing the old
/// one, so the log keeps at most about two sizes' worth.
pub fn append(dir: &Path, text: &str, max: u64) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let path = dir.join(FILE);
    let size = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    if size > 0 && size + text.len() as u64 > max {
        fs::rename(&path, dir.join(ROTATED))?;
    }
    let mut file = crate::private::open_append(&path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

/// What the window shows: the log's text, where it is, and the time of its last entry (the
/// window remembers which one the person has seen).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CrashLog {
    pub path: String,
    pub text: String,
    /// The UTC time (RFC 3339) of the newest entry, if one is found in the text.
    pub last_at: Option<String>,
}

/// The log exists but cannot be read (permissions changed, a folder in its place).
#[derive(Debug, thiserror::Error)]
#[error("the crash log {path} cannot be read: {source}")]
pub struct CrashLogError {
    pub path: PathBuf,
    pub source: io::Error,
}

impl CrashLogError {
    pub fn code(&self) -> crate::error::ErrorCode {
        use crate::error::ErrorCode;
        ErrorCode::CrashLogUnreadable
    }
}

/// The crash log in `dir`, or `None` when there is none (or it is empty): the usual case.
pub fn read(dir: &Path) -> Result<Option<CrashLog>, CrashLogError> {
    let path = dir.join(FILE);
    let mut bytes = Vec::new();
    let unreadable = |source| CrashLogError { path: path.clone(), source };
    match fs::File::open(&path) {
        Ok(mut f) => f.read_to_end(&mut bytes).map_err(unreadable)?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unreadable(e)),
    };
    // Backtraces are the program's own text; lossy decoding only guards a torn last write.
    let text = String::from_utf8_lossy(&bytes).into_owned();
    if text.trim().is_empty() {
        return Ok(None);
    }
    let last_at = text
        .rmatch_indices(ENTRY_MARK)
        .next()
        .and_then(|(i, _)| text[i + ENTRY_MARK.len()..].split_whitespace().next())
        .map(str::to_string);
    Ok(Some(CrashLog { path: path.display().to_string(), text, last_at }))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::fs::Permissions;
    use std::os::unix::fs::PermissionsExt;

    fn entry(message: &str) -> String {
        let at = DateTime::parse_from_rfc3339("2026-12-07T10:00:00Z").unwrap().with_timezone(&Utc);
        Entry { at, version: "1.2.3", thread: "main", location: Some("src/x.rs:1:2".into()), message: message.into(), backtrace: "0: here".into() }
            .render()
    }

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_real_panic_in_a_thread_is_written_with_its_time_version_thread_place_and_backtrace() {
        let dir = tempfile::tempdir().unwrap();
        install(dir.path());
        assert!(!dir.path().join(FILE).exists(), "installing creates no file");
        assert_eq!(read(dir.path()).unwrap(), None);

        let before = Utc::now();
        let line = line!() + 3;
        let joined = std::thread::Builder::new()
            .name("crash-test".into())
            .spawn(|| panic!("the crash-log test panics on purpose\nsecond line: Ana, pain 7/10"))
            .unwrap()
            .join();
        assert!(joined.is_err());

        let log = read(dir.path()).unwrap().expect("the panic was logged");
        let ours = log.text.split(ENTRY_MARK).find(|e| e.contains("thread: crash-test")).expect("our entry").to_string();
        assert!(ours.contains(&format!("version: {}", env!("CARGO_PKG_VERSION"))), "{ours}");
        assert!(ours.contains(&format!("at: src/crash_log.rs:{line}:")), "{ours}");
        assert!(ours.contains("message: the crash-log test panics on purpose…\n"), "{ours}");
        assert!(!log.text.contains("Ana") && !log.text.contains("7/10"), "only the first line is kept");
        assert!(ours.contains("backtrace:\n"), "{ours}");
        let at = DateTime::parse_from_rfc3339(ours.split_whitespace().next().unwrap()).unwrap();
        assert!(at >= before - chrono::Duration::seconds(1) && at <= Utc::now(), "{at}");
        assert!(log.last_at.is_some());
        assert_eq!(mode(&dir.path().join(FILE)), 0o600);
        // Later panics of this test process (other tests) must not recreate the removed folder.
        *DIR.lock().unwrap() = None;
    }

    #[test]
    fn the_file_is_private_from_its_first_byte_whatever_the_umask() {
        let dir = tempfile::tempdir().unwrap();
        // A wide umask, then a file left world-readable by something else: both end at 0600.
        let old = unsafe { libc::umask(0) };
        let result = append(dir.path(), &entry("one"), MAX_BYTES);
        unsafe { libc::umask(old) };
        result.unwrap();
        let path = dir.path().join(FILE);
        assert_eq!(mode(&path), 0o600);
        fs::set_permissions(&path, Permissions::from_mode(0o644)).unwrap();
        append(dir.path(), &entry("two"), MAX_BYTES).unwrap();
        assert_eq!(mode(&path), 0o600);
    }

    #[test]
    fn the_log_rotates_at_its_size_limit_keeping_one_older_file() {
        let dir = tempfile::tempdir().unwrap();
        let one = entry("first");
        let max = (one.len() * 2 + 10) as u64;
        append(dir.path(), &one, max).unwrap();
        append(dir.path(), &entry("second"), max).unwrap();
        assert!(!dir.path().join(ROTATED).exists(), "two entries fit");
        append(dir.path(), &entry("third"), max).unwrap();
        let current = fs::read_to_string(dir.path().join(FILE)).unwrap();
        let older = fs::read_to_string(dir.path().join(ROTATED)).unwrap();
        assert!(current.contains("third") && !current.contains("second"), "{current}");
        assert!(older.contains("first") && older.contains("second"));
        append(dir.path(), &entry("fourth"), max).unwrap();
        append(dir.path(), &entry("fifth"), max).unwrap();
        let older = fs::read_to_string(dir.path().join(ROTATED)).unwrap();
        assert!(!older.contains("first"), "the oldest file was replaced");
        assert!(older.contains("third") && older.contains("fourth"));
        assert_eq!(mode(&dir.path().join(ROTATED)), 0o600);
        assert!(fs::metadata(dir.path().join(FILE)).unwrap().len() <= max);
    }

    #[test]
    fn the_summary_keeps_no_value_a_message_quotes_and_stays_short() {
        let s = |text: &str| summary(&text.to_string());
        assert_eq!(s("store lock"), "store lock");
        assert_eq!(s("can't open the store"), "can't open the store", "an apostrophe is not a quote");
        assert_eq!(summary(&"fixed words"), "fixed words");
        assert_eq!(summary(&42_u8), "(no message)");
        // What `.unwrap()` and `.expect()` print of an error that names a person.
        assert_eq!(
            s("called `Result::unwrap()` on an `Err` value: Duplicate { name: \"Ana\" }"),
            "called `Result::unwrap()` on an `Err` value…"
        );
        assert_eq!(s("saving the check failed: Note(\"knee hurts 8/10\")"), "saving the check failed…");
        assert_eq!(s("byte index 3 is not a char boundary; it is inside 'é' of `my calf`"), "byte index 3 is not a char boundary; it is inside…");
        let long = s(&"x".repeat(5000));
        assert_eq!(long.chars().count(), SUMMARY_CHARS + 1);
        assert!(long.ends_with('…'));
        assert_eq!(s(&"é".repeat(300)).chars().count(), SUMMARY_CHARS + 1, "cut on characters, not bytes");
    }

    #[test]
    fn read_finds_the_last_entrys_time_and_ignores_an_empty_file() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(FILE), "").unwrap();
        assert_eq!(read(dir.path()).unwrap(), None);
        append(dir.path(), &entry("one"), MAX_BYTES).unwrap();
        let later = entry("two").replace("2026-12-07T10:00:00Z", "2026-12-07T11:30:00Z");
        append(dir.path(), &later, MAX_BYTES).unwrap();
        let log = read(dir.path()).unwrap().unwrap();
        assert_eq!(log.last_at.as_deref(), Some("2026-12-07T11:30:00Z"));
        assert!(log.text.contains("message: one") && log.text.contains("message: two"));
        assert_eq!(log.path, dir.path().join(FILE).display().to_string());
        fs::remove_file(dir.path().join(FILE)).unwrap();
        fs::create_dir(dir.path().join(FILE)).unwrap();
        let err = read(dir.path()).unwrap_err();
        assert_eq!(err.code(), "crash_log_unreadable");
        assert!(err.to_string().contains("crash.log cannot be read"), "{err}");
    }
}
