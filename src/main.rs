//! The `soleus` command line: a second client of the core, for scripts, benchmarks and clinicians.

fn main() -> std::process::ExitCode {
    soleus::cli::run()
}
