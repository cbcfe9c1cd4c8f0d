//! The one error contract of the core.
//!
//! Every module has its own error type; [`Error`] gathers them so that the CLI and the desktop
//! shell can turn any failure into an [`ErrorPayload`] `{code, message}`: a stable machine code
//! that clients may match on, and a sentence written for the person reading it. Clients never
//! match on message text.

use serde::Serialize;
use ts_rs::TS;

pub use crate::error_code::ErrorCode;

use crate::app::check::CheckError;
use crate::crash_log::CrashLogError;
use crate::log::LogError;
use crate::log::confirmation::ConfirmError;
use crate::engine::CaseError;
use crate::evaluation::SetError;
use crate::exercises::ExerciseError;
use crate::profiles::ProfileError;
use crate::reminders::ReminderError;
use crate::return_to_run::RecordError;
use crate::settings::SettingsError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Profile(#[from] ProfileError),
    #[error(transparent)]
    Log(#[from] LogError),
    #[error(transparent)]
    Case(#[from] CaseError),
    #[error(transparent)]
    Exercise(#[from] ExerciseError),
    /// A shipped case set that cannot be read or scored: a fault of the build, not of input.
    #[error(transparent)]
    CaseSet(#[from] SetError),
    #[error(transparent)]
    Check(#[from] CheckError),
    #[error(transparent)]
    CrashLog(#[from] CrashLogError),
    #[error(transparent)]
    Settings(#[from] SettingsError),
    #[error(transparent)]
    Reminder(#[from] ReminderError),
    #[error(transparent)]
    ReturnToRun(#[from] RecordError),
    #[error(transparent)]
    Confirm(#[from] ConfirmError),
}

impl Error {
    /// A stable code naming the kind of failure, from the closed list in [`ErrorCode`].
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Store(e) => e.code(),
            Error::Profile(e) => e.code(),
            Error::Log(e) => e.code(),
            Error::Case(e) => e.code(),
            Error::Exercise(e) => e.code(),
            Error::CaseSet(_) => ErrorCode::CaseSetUnreadable,
            Error::Check(e) => e.code(),
            Error::CrashLog(e) => e.code(),
            Error::Settings(e) => e.code(),
            Error::Reminder(e) => e.code(),
            Error::ReturnToRun(e) => e.code(),
            Error::Confirm(e) => e.code(),
        }
    }

    /// True when the person's input was at fault (the CLI exits with 2), false for failures of
    /// the environment (a damaged file, a full disk).
    pub fn is_bad_input(&self) -> bool {
        match self {
            Error::Store(_) => false,
            Error::Profile(e) => !matches!(e, crate::profiles::ProfileError::Store(_)),
            Error::Log(e) => e.is_bad_input(),
            Error::Case(_) => true,
            Error::Exercise(_) => true,
            Error::CaseSet(_) => false,
            Error::Check(_) => true,
            Error::CrashLog(_) => false,
            Error::Settings(e) => !matches!(e, SettingsError::Store(_)),
            Error::Reminder(e) => matches!(e, ReminderError::BadTime { .. }),
            Error::ReturnToRun(e) => e.is_bad_input(),
            Error::Confirm(e) => e.is_bad_input(),
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload { code: self.code(), message: self.to_string() }
    }
}

/// What crosses a process boundary (IPC, CLI JSON) when something fails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
}

impl From<Error> for ErrorPayload {
    fn from(e: Error) -> Self {
        e.payload()
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
