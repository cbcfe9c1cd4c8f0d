//! Running the `soleus` binary from integration tests, as a script would.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `soleus ARGS` with `stdin` piped in and returns what it printed and its exit status.
pub fn run_with_stdin(args: &[&std::ffi::OsStr], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_soleus"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the soleus binary runs");
    // A command that refuses its arguments may exit before reading stdin: that is its answer,
    // not a failure of the test (seen as a flaky BrokenPipe with over-long notes).
    match child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.unwrap(),
    }
    child.wait_with_output().unwrap()
}

/// [`run_with_stdin`] for plain string arguments.
#[allow(dead_code)] // each test file uses one of the two
pub fn soleus(args: &[&str], stdin: &str) -> Output {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    run_with_stdin(&args, stdin)
}
