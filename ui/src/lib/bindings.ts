// Generated from the Rust types by `cargo test -p soleus-desktop`; do not edit.
// After changing a command or a type, regenerate with
//   UPDATE_BINDINGS=1 cargo test -p soleus-desktop bindings

/**
 * The result of assessing one case.
 */
export type Assessment = { triage: Triage, 
/**
 * What the triage means for the person, in plain words.
 */
triage_advice: string, 
/**
 * Every safety rule that fired, most urgent first.
 */
red_flags: Array<RedFlag>, 
/**
 * Most likely first.
 */
differential: Array<Ranked>, 
/**
 * Present when any Wells item is known. Serialized as a plain number (`wells_score`) for the
 * vocabulary's contract, with the detail beside it (`wells`).
 */
wells_score?: number, wells?: WellsScore, 
/**
 * Finding keys still worth asking, most informative first (unanswered red flags first).
 */
next_questions: Array<string>, 
/**
 * Not a diagnosis; when to seek care. Always present.
 */
disclaimer: string, 
/**
 * The engine and knowledge version that produced this result.
 */
engine_version: string, };

/**
 * The answers of a check so far.
 */
export type CheckAnswers = { 
/**
 * Finding key to answer (true/false, a choice's value id, or a number).
 */
findings: Record<string, boolean | string | number>, 
/**
 * Questions asked that the person could not answer: never asked again.
 */
not_known: Array<string>, 
/**
 * A physio is examining: without one, examination tests are never asked.
 */
examining: boolean, };

/**
 * The questions and when the interview has enough to go on.
 */
export type CheckQuestions = { 
/**
 * Every finding the engine may ask about, in the vocabulary's order.
 */
questions: Array<FindingInfo>, 
/**
 * The top cause's probability at which `next_questions` stops (the result is settled).
 */
settled_at: number, };

/**
 * What crosses a process boundary (IPC, CLI JSON) when something fails.
 */
export type ErrorPayload = { code: string, message: string, };

/**
 * A finding a case may carry (a question the app may ask).
 */
export type FindingInfo = { key: string, 
/**
 * The question, as the vocabulary words it.
 */
ask: string, 
/**
 * The question as the app asks it: findings.toml's `question` where the vocabulary's `ask`
 * lists its answers inline (they are offered as `labels` instead), else `ask`.
 */
question: string, 
/**
 * For a choice: each value in plain words, in the order of `values` (findings.toml
 * `answers`); empty for other types.
 */
labels: Array<string>, 
/**
 * Only a clinician can answer it (an examination test).
 */
clinician: boolean, 
/**
 * Named by a safety rule or the Wells score: asked before anything else.
 */
red_flag: boolean, } & ({ "type": "bool" } | { "type": "enum", values: Array<string>, } | { "type": "integer", min: number, max: number, } | { "type": "number", min: number, max: number, });

export type Profile = { id: number, name: string, created_at: string, };

/**
 * One condition in the differential.
 */
export type Ranked = { condition: string, 
/**
 * The condition's display name.
 */
name: string, 
/**
 * Posterior probability in [0, 1]; the differential sums to at most 1.
 */
probability: number, 
/**
 * The findings that moved it most, for and against, in plain words; strongest first.
 */
why: Array<string>, };

/**
 * A safety rule that fired.
 */
export type RedFlag = { 
/**
 * Stable rule id, e.g. `"pe_signs"`.
 */
id: string, 
/**
 * What was found and what to do, in plain words.
 */
message: string, 
/**
 * The triage this rule alone demands.
 */
triage: Triage, };

export type SavedAssessment = { id: number, created_at: string, engine_version: string, 
/**
 * The answers given (the engine's `Case`, as JSON).
 */
case: Record<string, unknown>, 
/**
 * The result as the engine returned it (an `Assessment`, as JSON of its day).
 */
result: Record<string, unknown>, };

export type Settings = { units: Units, theme: Theme, };

/**
 * `System` follows the operating system's light or dark preference.
 */
export type Theme = "system" | "light" | "dark";

/**
 * How soon to seek care, least urgent first so that `max` picks the most urgent.
 */
export type Triage = "self_care" | "clinician" | "urgent" | "emergency";

export type Units = "km" | "mi";

/**
 * The two-level Wells score for DVT (Wells, NEJM 2003).
 */
export type WellsScore = { score: number, 
/**
 * `score >= 2`.
 */
dvt_likely: boolean, 
/**
 * The items that scored, in plain words, with their points.
 */
items: Array<string>, };

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
  check_questions: { args: Record<string, never>; result: CheckQuestions };
  assess_check: { args: { answers: CheckAnswers }; result: Assessment };
  save_check: { args: { profileId: number; answers: CheckAnswers }; result: SavedAssessment };
  latest_check: { args: { profileId: number }; result: SavedAssessment | null };
};

export const MAX_PROFILE_NAME_CHARS = 100;
export const DISCLAIMER = "Soleus is not a diagnosis. It suggests likely causes from your answers; only a clinician who examines you can diagnose. If you are worried, or the advice says so, seek care.";
