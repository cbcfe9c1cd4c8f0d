// Generated from the Rust types by `cargo test -p soleus-desktop`; do not edit.
// After changing a command or a type, regenerate with
//   UPDATE_BINDINGS=1 cargo test -p soleus-desktop bindings

export type BandEnd = string | [number, number];

/**
 * A condition id with its display name, for the library's filter.
 */
export type ConditionName = { id: string, name: string, };

/**
 * What an exercise's illustration shows: two named poses, props, and what to point at.
 */
export type Drawing = { 
/**
 * A pose name from `poses.toml`.
 */
start: string, end: string, props: Array<Prop>, 
/**
 * Segments drawn in the accent colour: where the person should feel the work.
 */
highlight: Array<string>, 
/**
 * A point whose path from start to end is drawn as an arrow in the end panel.
 */
moves?: string, 
/**
 * Short labels under the panels (default "Start" / "End").
 */
labels?: [string, string], };

/**
 * What crosses a process boundary (IPC, CLI JSON) when something fails.
 */
export type ErrorPayload = { code: string, message: string, };

/**
 * One exercise of the library.
 */
export type Exercise = { 
/**
 * Stable snake_case id, referenced by plans and progressions.
 */
id: string, name: string, 
/**
 * What it is for, in one sentence.
 */
goal: string, muscles: Array<string>, phase: Phase, 
/**
 * What is needed; empty for none.
 */
equipment: Array<string>, steps: Array<string>, form_tips: Array<string>, prescription: Prescription, 
/**
 * The next, harder exercise (an id in the library).
 */
progression?: string, 
/**
 * The easier exercise to fall back to (an id in the library).
 */
regression?: string, 
/**
 * What to watch for while doing it.
 */
cautions: Array<string>, 
/**
 * Who should not do it (yet).
 */
not_for: Array<string>, 
/**
 * Condition ids from the vocabulary that it serves.
 */
conditions: Array<string>, 
/**
 * Where the exercise or its dose comes from.
 */
source: string, 
/**
 * The two poses the illustration is drawn from.
 */
illustration: Drawing, };

/**
 * What a library card shows.
 */
export type ExerciseCard = { id: string, name: string, goal: string, phase: Phase, 
/**
 * The phase as a person reads it ("return to run").
 */
phase_label: string, 
/**
 * The prescription in one line ("3 sets x 15 reps each side, rest 60 s, 7x a week").
 */
dose: string, 
/**
 * Condition ids it serves.
 */
conditions: Array<string>, 
/**
 * The illustration (start and end panels), a standalone SVG document.
 */
svg: string, };

export type ExerciseCompletion = { 
/**
 * An exercise id of the exercise library, e.g. `"bent_knee_calf_raise"`.
 */
exercise_id: string, done_on: string, sets_done: number, };

export type ExerciseLibrary = { exercises: Array<ExerciseCard>, 
/**
 * The conditions some exercise serves, in the knowledge base's order.
 */
conditions: Array<ConditionName>, };

/**
 * Another exercise of the library, named, for the progression and regression links.
 */
export type ExerciseLink = { id: string, name: string, };

/**
 * One exercise as its detail view shows it.
 */
export type ExerciseView = { exercise: Exercise, phase_label: string, dose: string, svg: string, progression?: ExerciseLink, regression?: ExerciseLink, 
/**
 * The names of the conditions it serves.
 */
condition_names: Array<string>, };

/**
 * One piece of advice with its source.
 */
export type Item = { text: string, 
/**
 * A time point ("Day 3") or a label ("Ultrasound") the text belongs to.
 */
label?: string, 
/**
 * How fast to act when this is a warning sign.
 */
act?: Triage, 
/**
 * The condition it is about, when the plan covers more than one.
 */
condition?: string, source: string, };

/**
 * Where an exercise sits in a rehab programme, earliest first.
 */
export type Phase = "prepare" | "protect" | "foundation" | "strength" | "power" | "return_to_run";

/**
 * A management plan.
 */
export type Plan = { title: string, triage: Triage, 
/**
 * What the triage means, in plain words: said first for urgent and emergency triage.
 */
triage_advice: string, 
/**
 * The top condition first, then the serious ones still open.
 */
conditions: Array<PlanCondition>, sections: Array<Section>, 
/**
 * Not a diagnosis; when to seek care. Always present.
 */
disclaimer: string, };

export type PlanCondition = { condition: string, name: string, probability: number, role: Role, 
/**
 * What it is, in plain words.
 */
about: string, };

/**
 * A library exercise as a plan prescribes it.
 */
export type PlannedExercise = { 
/**
 * The library id (`soleus exercises show ID`).
 */
id: string, name: string, prescription: Prescription, note?: string, };

/**
 * How much and how often. Exactly one of `reps`, `hold_seconds` or `minutes` describes one set.
 */
export type Prescription = { sets: number, 
/**
 * Repetitions per set.
 */
reps?: number, 
/**
 * Seconds each repetition is held (isometrics, stretches).
 */
hold_seconds?: number, 
/**
 * Minutes per set (rolling, intervals, running).
 */
minutes?: number, 
/**
 * Done on each leg separately.
 */
per_side: boolean, 
/**
 * Rest between sets.
 */
rest_seconds: number, 
/**
 * Sessions per week.
 */
times_per_week: number, 
/**
 * Tempo, load or how to progress within the prescription, in plain words.
 */
note?: string, };

export type Profile = { id: number, name: string, created_at: string, };

/**
 * A prop, placed relative to the figure so that it stays right when a pose is edited.
 */
export type Prop = { "kind": "step", under: string, h?: number, back: number, front: number, } | { "kind": "chair" } | { "kind": "wall", x: number, } | { "kind": "ball", under: string, at: number, at_end: number, } | { "kind": "band", from: string, to: BandEnd, } | { "kind": "dumbbell", at: string, } | { "kind": "mat" };

/**
 * One phase of a rehab programme.
 */
export type RehabPhase = { name: string, goal: string, exercises: Array<PlannedExercise>, 
/**
 * What must be true before moving to the next phase.
 */
progress_when: Array<string>, source: string, };

/**
 * Why a condition is in the plan.
 */
export type Role = "top" | "still_open";

/**
 * A saved check's plan, with what the Plan screen's header needs.
 */
export type SavedPlan = { 
/**
 * The saved check's id.
 */
check_id: number, 
/**
 * When the check was saved.
 */
checked_at: string, triage: Triage, 
/**
 * The most likely cause, when the check found one.
 */
top_cause?: string, 
/**
 * Its probability as a person reads it ("72%", "over 99%").
 */
top_chance?: string, plan: Plan, };

export type Section = { kind: SectionKind, title: string, 
/**
 * Why this section's usual content is withheld (rehab under urgent or emergency triage).
 */
held_back?: string, items: Array<Item>, 
/**
 * Rehab only.
 */
phases?: Array<RehabPhase>, };

/**
 * The sections of a plan. A plan lists them in this order; `Care` leads only when the triage is
 * urgent or an emergency.
 */
export type SectionKind = "care" | "now" | "safety_net" | "load_modification" | "rehab" | "support" | "imaging" | "recovery" | "return_to_run";

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
  latest_plan: { args: { profileId: number }; result: SavedPlan | null };
  tweak_plan: { args: Record<string, never>; result: Plan };
  exercise_library: { args: Record<string, never>; result: ExerciseLibrary };
  get_exercise: { args: { id: string }; result: ExerciseView };
  record_exercise_done: { args: { profileId: number; exerciseId: string; doneOn: string; setsDone: number }; result: null };
  list_exercise_completions: { args: { profileId: number }; result: Array<ExerciseCompletion> };
};

export const MAX_PROFILE_NAME_CHARS = 100;
export const DISCLAIMER = "Soleus is not a diagnosis. It suggests likely causes from your answers; only a clinician who examines you can diagnose. If you are worried, or the advice says so, seek care.";
