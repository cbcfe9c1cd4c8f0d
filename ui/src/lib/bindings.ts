// Generated from the Rust types by `cargo test -p soleus-desktop`; do not edit.
// After changing a command or a type, regenerate with
//   UPDATE_BINDINGS=1 cargo test -p soleus-desktop bindings

export type Advice = { verdict: Verdict, 
/**
 * For `RestrictFurther` and `Baseline`: the parameter to cut, when the log can tell.
 */
parameter: LoadParameter | null, headline: string, detail: string, 
/**
 * For `BeginReturn`: next week's running distance at about +10%, when this week's is known.
 */
next_week_distance_km: number | null, };

/**
 * What crosses a process boundary (IPC, CLI JSON) when something fails.
 */
export type ErrorPayload = { code: string, message: string, };

/**
 * The kinds of file Soleus reads.
 */
export type FileKind = "gpx" | "tcx" | "fit" | "strava_csv" | "pain_csv" | "backup";

/**
 * What happened to one file.
 */
export type FileOutcome = { path: string, kind: FileKind | null, 
/**
 * Rows (scores, sessions...) newly stored.
 */
added: number, 
/**
 * Rows already stored before (the same file, or the same run from another file).
 */
duplicates: number, 
/**
 * Why the file was not imported; `None` when it was.
 */
error: string | null, };

export type IsoWeek = string;

/**
 * The load parameter to change.
 */
export type LoadParameter = "distance" | "time" | "elevation";

export type LoadWarning = { kind: WarningKind, 
/**
 * How much longer (the run) or higher (the week), in percent.
 */
percent_over: number, 
/**
 * The run that spiked, for `LongRunSpike`.
 */
session_started_at: string | null, message: string, };

/**
 * One recorded pain score.
 */
export type PainEntry = { id: number, 
/**
 * When it was scored, in the UTC offset the person was in (RFC 3339).
 */
recorded_at: string, 
/**
 * 0 (no pain) to 10 (worst imaginable).
 */
score: number, 
/**
 * The key moment it was scored at, e.g. "1 h after the run"; empty when not said.
 */
moment: string, side: Side | null, notes: string, };

export type Profile = { id: number, name: string, created_at: string, };

/**
 * One stored session.
 */
export type Session = { id: number, started_at: string, sport: Sport, distance_m: number | null, duration_s: number | null, elevation_gain_m: number | null, 
/**
 * The file it was imported from; none when entered by hand.
 */
source_file: string | null, fingerprint: string, };

export type Settings = { units: Units, theme: Theme, };

/**
 * Which leg hurts.
 */
export type Side = "left" | "right" | "both";

export type Sport = "running" | "walking" | "hiking" | "cycling" | "swimming" | "other";

/**
 * `System` follows the operating system's light or dark preference.
 */
export type Theme = "system" | "light" | "dark";

export type Units = "km" | "mi";

/**
 * What to do next week.
 */
export type Verdict = "begin_return" | "hold" | "restrict_further" | "baseline" | "not_enough_data";

export type WarningKind = "long_run_spike" | "weekly_distance_jump";

/**
 * A week's running (the load the loop manages), and how many other sessions there were.
 */
export type WeekLoad = { runs: number, distance_km: number, duration_min: number, elevation_gain_m: number, other_sessions: number, };

/**
 * A week's key-moment pain.
 */
export type WeekPain = { 
/**
 * Mean of the week's key-moment scores, to one decimal.
 */
mean: number, scores: number, lowest: number, highest: number, };

export type WeeklyReview = { week: IsoWeek, starts_on: string, ends_on: string, 
/**
 * The key moment compared (the one most scored across the two weeks); `None` with no scores,
 * and `Some("")` when the scores did not say.
 */
key_moment: string | null, pain: WeekPain | null, previous_pain: WeekPain | null, 
/**
 * This week's mean minus last week's (negative is better).
 */
change: number | null, advice: Advice, load: WeekLoad, previous_load: WeekLoad, warnings: Array<LoadWarning>, 
/**
 * What the log was too thin to judge, in plain words.
 */
not_judged: Array<string>, when_to_seek_care: string, };

/** Every command the UI may call: its arguments (as `invoke` takes them) and its result. */
export type Commands = {
  list_profiles: { args: Record<string, never>; result: Array<Profile> };
  create_profile: { args: { name: string }; result: Profile };
  rename_profile: { args: { id: number; name: string }; result: Profile };
  delete_profile: { args: { id: number }; result: null };
  get_active_profile: { args: Record<string, never>; result: Profile | null };
  set_active_profile: { args: { id: number }; result: Profile };
  get_settings: { args: Record<string, never>; result: Settings };
  update_settings: { args: { settings: Settings }; result: Settings };
  add_pain_entry: { args: { profileId: number; recordedAt: string; score: number; moment: string; side: Side | null; notes: string }; result: PainEntry };
  list_pain_entries: { args: { profileId: number }; result: Array<PainEntry> };
  delete_pain_entry: { args: { profileId: number; id: number }; result: boolean };
  add_session: { args: { profileId: number; startedAt: string; sport: Sport; distanceM: number | null; durationS: number | null; elevationGainM: number | null }; result: Session };
  list_sessions: { args: { profileId: number }; result: Array<Session> };
  delete_session: { args: { profileId: number; id: number }; result: boolean };
  weekly_review: { args: { profileId: number; week: string | null }; result: WeeklyReview };
  import_log_file: { args: { profileId: number; name: string; bytes: Array<number> }; result: FileOutcome };
};

export const MAX_PROFILE_NAME_CHARS = 100;
export const DISCLAIMER = "Soleus is not a diagnosis. It suggests likely causes from your answers; only a clinician who examines you can diagnose. If you are worried, or the advice says so, seek care.";
