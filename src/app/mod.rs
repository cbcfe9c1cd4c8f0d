//! The application layer: what the window and the command line show, built once in the core.
//!
//! Plain serde + ts-rs view models, time passed in. A Tauri command or a CLI subcommand calls a
//! function here and hands its value on; neither words a result or decides anything medical
//! itself. It never touches the knowledge tables: it reads the engine's public results and the
//! wording in `knowledge/check_wording.toml`.

pub mod answers;
pub mod check;
pub mod confirm;
pub mod exercises;
pub mod log;
pub mod plan;
pub mod questions;
pub mod return_to_run;
pub mod run_score;
pub mod saved;
pub mod share;
pub mod start;
pub mod week;
pub mod wording;
