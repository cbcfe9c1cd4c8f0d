//! Every error code a client of the core can see, in one closed list.
//!
//! The codes are the stable half of [`crate::ErrorPayload`]: the CLI prints them (`[code]` after a
//! message, `"code"` in its JSON) for scripts, and the UI receives them over IPC, where they
//! arrive as the generated TypeScript union `ErrorCode`, so a screen that branches on a code that
//! does not exist fails to type-check. Each module's error type maps its variants here
//! (`code()`); nothing else writes a code, the desktop shell included. A variant exists because
//! a client sees it: remove one only when no error maps to it any more.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $text:literal, )*) => {
        /// A stable, snake_case code naming the kind of failure (see the module's doc).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        pub enum ErrorCode {
            $( $(#[$doc])* #[serde(rename = $text)] $variant, )*
        }

        impl ErrorCode {
            /// Every code, in declaration order.
            pub const ALL: &'static [ErrorCode] = &[$( ErrorCode::$variant ),*];

            /// The code as clients see it.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( ErrorCode::$variant => $text, )*
                }
            }
        }
    };
}

codes! {
    // The store (src/store): the database file.
    DbNotSqlite = "db_not_sqlite",
    DbCorrupt = "db_corrupt",
    DbTooNew = "db_too_new",
    DbIo = "db_io",
    DbMigration = "db_migration",
    DbError = "db_error",
    NoDataDir = "no_data_dir",
    // Profiles (src/profiles.rs).
    ProfileNameEmpty = "profile_name_empty",
    ProfileNameTooLong = "profile_name_too_long",
    /// The UI keeps the profile dialog open on it.
    ProfileNameTaken = "profile_name_taken",
    ProfileNotFound = "profile_not_found",
    // Settings (src/settings.rs).
    ClinicNameBlank = "clinic_name_blank",
    ClinicNameTooLong = "clinic_name_too_long",
    ClinicNameControl = "clinic_name_control",
    // The pain log (src/log).
    LogScoreOutOfRange = "log_score_out_of_range",
    LogBadTime = "log_bad_time",
    LogBadSide = "log_bad_side",
    LogTextTooLong = "log_text_too_long",
    LogImplausibleValue = "log_implausible_value",
    LogDuplicateEntry = "log_duplicate_entry",
    LogDuplicateSession = "log_duplicate_session",
    LogBadWeek = "log_bad_week",
    LogValueRefused = "log_value_refused",
    LogIo = "log_io",
    LogBadSite = "log_bad_site",
    LogBadRunMoment = "log_bad_run_moment",
    LogRunNotFound = "log_run_not_found",
    LogScoreBeforeRun = "log_score_before_run",
    LogNextMorningOnRunDay = "log_next_morning_on_run_day",
    // Saved checks (src/log/assessments.rs).
    /// The Check screen shows it beside the notes field.
    CheckNotesTooLong = "check_notes_too_long",
    /// The Plan screen forgets a chosen check that no longer exists.
    SavedCheckNotFound = "saved_check_not_found",
    /// A check saved by an older Soleus whose result no longer reads as today's assessment.
    SavedCheckUnreadable = "saved_check_unreadable",
    // The check (src/app/check.rs).
    CheckWarningSignsOpen = "check_warning_signs_open",
    // Import (src/import) and restoring a backup.
    ImportUnknownFormat = "import_unknown_format",
    ImportUnreadable = "import_unreadable",
    ImportBadRow = "import_bad_row",
    ImportReaderFailed = "import_reader_failed",
    ImportBadBackup = "import_bad_backup",
    ImportNeedsProfile = "import_needs_profile",
    // The limits checked before a file reaches its parser (src/import/limits.rs).
    ImportFileTooLarge = "import_file_too_large",
    ImportUnzippedTooLarge = "import_unzipped_too_large",
    ImportTooManyPoints = "import_too_many_points",
    ImportTooDeeplyNested = "import_too_deeply_nested",
    ImportTooManyAttributes = "import_too_many_attributes",
    ImportEntitiesRefused = "import_entities_refused",
    // A case for the engine (src/engine/case.rs).
    InvalidJson = "invalid_json",
    InvalidCase = "invalid_case",
    UnknownFinding = "unknown_finding",
    InvalidValue = "invalid_value",
    // The exercise library and the shipped case sets.
    UnknownExercise = "unknown_exercise",
    CaseSetUnreadable = "case_set_unreadable",
    // Who examined and the confirmed cause (src/log/confirmation.rs).
    ExaminerNameMissing = "examiner_name_missing",
    ExaminerNameBlank = "examiner_name_blank",
    ExaminerNameTooLong = "examiner_name_too_long",
    ExaminerNameControl = "examiner_name_control",
    ConfirmedCauseUnknown = "confirmed_cause_unknown",
    // Reminders (src/reminders.rs).
    ReminderBadTime = "reminder_bad_time",
    // The return to running, measured (src/return_to_run).
    RtrCalfRaisesOutOfRange = "rtr_calf_raises_out_of_range",
    RtrKneeToWallOutOfRange = "rtr_knee_to_wall_out_of_range",
    RtrPainOutOfRange = "rtr_pain_out_of_range",
    RtrOneSideOnly = "rtr_one_side_only",
    RtrEmptyTest = "rtr_empty_test",
    RtrBadDay = "rtr_bad_day",
    RtrUnknownInstrument = "rtr_unknown_instrument",
    RtrScoreOutOfRange = "rtr_score_out_of_range",
    // The start-up benchmark's finish line (`ui_ready`, only when SOLEUS_READY_FILE is set).
    /// The ready file could not be written: `make bench` and the package test report it.
    ReadyFile = "ready_file",
    // The crash log (src/crash_log.rs).
    CrashLogUnreadable = "crash_log_unreadable",
    /// No error of the core: the UI's name for a rejection that is not a payload (an argument
    /// Tauri could not read, a panic), shown with a generic message.
    Internal = "internal",
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Lets tests and scripts compare a code with the text clients see.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_is_serialised_as_its_text_and_read_back() {
        for &code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(serde_json::from_str::<ErrorCode>(&json).unwrap(), code);
        }
    }

    #[test]
    fn the_codes_are_distinct_snake_case() {
        let mut seen = std::collections::BTreeSet::new();
        for &code in ErrorCode::ALL {
            let text = code.as_str();
            assert!(text.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{text}");
            assert!(seen.insert(text), "{text} twice");
        }
    }
}
