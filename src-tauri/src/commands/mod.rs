//! The app's whole IPC surface: every command the UI may call, declared once below.
//!
//! To add a command: write it as a thin adapter in a module here (or a new one), then add one
//! line to the `commands!` list. That line registers the handler, generates its permission
//! (`allow-<name>`, read by build.rs), and puts its argument and result types into the UI's
//! generated `bindings.ts`. Grant the permission to the window in `capabilities/`; the tests
//! fail until the list, the permissions and the bindings agree.

mod accuracy;
mod check;
pub(crate) mod chosen_file;
mod confirm;
mod crash;
mod exercises;
mod log;
mod pain_runs;
mod plan;
mod profiles;
mod reminders;
mod return_to_run;
mod ready;
mod settings;
pub(crate) mod share;
mod week;
mod start;

use soleus::ErrorPayload;

use crate::bindings::Signature;
use crate::state::AppState;

/// What every command returns: its value, or `{code, message}` for the UI to show.
pub type Reply<T> = Result<T, ErrorPayload>;

/// Declares the commands. Each line is `module::name(arg: Type, ...) -> ResultType;` with the
/// command's arguments as the UI passes them (the `State` parameter is implied).
macro_rules! commands {
    ($( $module:ident :: $name:ident ( $( $arg:ident : $ty:ty ),* ) -> $ret:ty ; )*) => {
        /// The invoke handler to register on the builder.
        pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![ $( $module::$name ),* ]
        }

        /// Every command's name, argument and result types, for the generated bindings.
        pub fn signatures() -> Vec<Signature> {
            vec![ $( Signature::new::<$ret>(stringify!($name), vec![ $( Signature::arg::<$ty>(stringify!($arg)) ),* ]) ),* ]
        }

        /// Fails to compile when a line above disagrees with its function's real signature.
        #[allow(dead_code)]
        fn signatures_match_the_functions() {
            $( let _: fn(tauri::State<'static, AppState> $(, $ty)*) -> Reply<$ret> = $module::$name; )*
        }
    };
}

commands! {
    profiles::list_profiles() -> Vec<soleus::profiles::Profile>;
    profiles::create_profile(name: String) -> soleus::profiles::Profile;
    profiles::rename_profile(id: i64, name: String) -> soleus::profiles::Profile;
    profiles::delete_profile(id: i64) -> ();
    profiles::get_active_profile() -> Option<soleus::profiles::Profile>;
    profiles::set_active_profile(id: i64) -> soleus::profiles::Profile;
    settings::get_settings() -> soleus::settings::Settings;
    settings::update_settings(settings: soleus::settings::Settings) -> soleus::settings::Settings;
    accuracy::accuracy_figures() -> soleus::evaluation::Benchmark;
    plan::latest_plan(profile_id: i64) -> Option<plan::SavedPlan>;
    plan::tweak_plan() -> soleus::plans::Plan;
    exercises::exercise_library() -> exercises::ExerciseLibrary;
    exercises::get_exercise(id: String) -> exercises::ExerciseView;
    exercises::record_exercise_done(profile_id: i64, exercise_id: String, done_on: chrono::NaiveDate, sets_done: u8) -> ();
    exercises::list_exercise_completions(profile_id: i64) -> Vec<soleus::log::exercises::ExerciseCompletion>;
    check::check_questions() -> check::CheckQuestions;
    check::assess_check(answers: soleus::app::check::CheckAnswers) -> soleus::app::check::CheckStep;
    check::save_check(profile_id: i64, answers: soleus::app::check::CheckAnswers, notes: String, examined_by: Option<String>) -> soleus::app::saved::SavedCheck;
    check::set_check_notes(profile_id: i64, id: i64, notes: String) -> soleus::app::saved::SavedCheck;
    log::add_pain_entry(profile_id: i64, recorded_at: String, score: i64, moment: String, side: Option<soleus::log::Side>, notes: String, site: Option<String>) -> soleus::log::entries::PainEntry;
    log::list_pain_entries(profile_id: i64) -> Vec<soleus::log::entries::PainEntry>;
    log::delete_pain_entry(profile_id: i64, id: i64) -> bool;
    log::add_session(profile_id: i64, started_at: String, sport: soleus::log::sessions::Sport, distance_m: Option<f64>, duration_s: Option<f64>, elevation_gain_m: Option<f64>) -> soleus::log::sessions::Session;
    log::list_sessions(profile_id: i64) -> Vec<soleus::log::sessions::Session>;
    log::delete_session(profile_id: i64, id: i64) -> bool;
    log::weekly_review(profile_id: i64, week: Option<String>) -> soleus::log::review::WeeklyReview;
    log::weekly_totals(profile_id: i64, weeks: u32) -> Vec<soleus::log::weekly_totals::WeekTotals>;
    log::import_log_file(file: chosen_file::ChosenFile) -> soleus::import::FileOutcome;
    share::save_report(profile_id: i64) -> soleus::export::files::SavedFile;
    share::save_report_pdf(profile_id: i64, check_id: Option<i64>) -> share::SavedReport;
    settings::get_clinic_name() -> String;
    settings::set_clinic_name(name: String) -> String;
    share::save_backup(profile_id: i64) -> soleus::export::files::SavedFile;
    share::save_csv(profile_id: i64) -> Vec<soleus::export::files::SavedFile>;
    share::restore_backup(text: String) -> soleus::export::backup::Restored;
    check::list_checks(profile_id: i64) -> Vec<soleus::app::saved::SavedCheck>;
    check::delete_check(profile_id: i64, id: i64) -> ();
    plan::check_plan(profile_id: i64, check_id: i64) -> plan::SavedPlan;
    crash::crash_log() -> Option<soleus::crash_log::CrashLog>;
    week::week_plan(profile_id: i64, check_id: Option<i64>) -> Option<soleus::plans::WeekCalendar>;
    reminders::get_reminders(profile_id: i64) -> soleus::reminders::Reminders;
    reminders::set_reminder(profile_id: i64, kind: soleus::reminders::ReminderKind, time: Option<String>) -> soleus::reminders::Reminders;
    return_to_run::return_to_run(profile_id: i64, check_id: Option<i64>) -> Option<soleus::return_to_run::ReturnToRun>;
    return_to_run::record_functional_test(profile_id: i64, test: soleus::return_to_run::FunctionalTest) -> soleus::return_to_run::FunctionalTest;
    return_to_run::record_outcome_score(profile_id: i64, score: soleus::return_to_run::OutcomeScore) -> soleus::return_to_run::progress::OutcomeView;
    return_to_run::outcome_scores(profile_id: i64) -> soleus::return_to_run::progress::OutcomeView;
    pain_runs::score_run(profile_id: i64, run_id: i64, moment: soleus::log::RunMoment, score: i64, side: Option<soleus::log::Side>, site: Option<String>, recorded_at: Option<String>) -> soleus::log::entries::PainEntry;
    pain_runs::recent_runs(profile_id: i64) -> Vec<soleus::log::review::pain_monitoring::RunCheck>;
    pain_runs::missed_next_morning(profile_id: i64) -> Option<soleus::log::review::pain_monitoring::MissedMorning>;
    pain_runs::pain_sites() -> Vec<soleus::log::sites::Site>;
    confirm::check_causes() -> Vec<soleus::app::confirm::Cause>;
    confirm::confirm_check(profile_id: i64, id: i64, condition: String, by: String) -> soleus::app::saved::SavedCheck;
    plan::tweak_today() -> soleus::plans::Today;
    start::start() -> soleus::app::start::Start;
    ready::ui_ready() -> ();
}
