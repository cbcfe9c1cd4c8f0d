//! Soleus core: everything the app and the CLI share, with no Tauri in it.
//!
//! The desktop shell (`src-tauri/`) and the `soleus` CLI are two thin clients of this crate.
//! See ARCHITECTURE.md for where each concern lives.

pub mod app;
#[cfg(feature = "cli")]
pub mod cli;
pub mod crash_log;
mod embedded;
pub mod engine;
pub mod error;
mod error_code;
pub mod evaluation;
pub mod exercises;
pub mod export;
pub mod formats;
pub mod import;
pub mod log;
pub mod plans;
pub mod private;
pub mod profiles;
pub mod reminders;
pub mod return_to_run;
pub mod settings;
pub mod signed_name;
pub mod store;

pub use error::{Error, ErrorCode, ErrorPayload};
pub use store::Store;
