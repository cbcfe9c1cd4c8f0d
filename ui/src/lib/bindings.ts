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
 * Whose answer it is: the person's own story, or an examination test.
 */
export type AnswerGroup = "history" | "examination";

export type AnswerRow = { 
/**
 * The finding's key: for the window to act on the row (change, remove), never shown.
 */
key: string, group: AnswerGroup, question: string, answer: string, 
/**
 * Asked and marked "not sure".
 */
unsure: boolean, };

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
 * Present when the answers fit none of the listed causes well (red_flags.toml `none_fits`).
 */
none_fits?: NoneFits, 
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

export type BandEnd = string | [number, number];

/**
 * The figures of every shipped set.
 */
export type Benchmark = { sets: Array<SetFigures>, 
/**
 * The most questions an interview may ask before it is scored as it stands.
 */
max_questions: number, };

/**
 * One case set, as the manifest describes it.
 */
export type CaseSet = { 
/**
 * The JSON Lines file in tests/data.
 */
file: string, title: string, 
/**
 * How many cases the file holds (checked against it when the sets load).
 */
cases: number, 
/**
 * What the cases are, in plain words.
 */
what: string, 
/**
 * Where the cases come from.
 */
sources: string, 
/**
 * Used to build the knowledge or to choose a parameter: its figures flatter the engine.
 */
tuned_on: boolean, 
/**
 * When and how it was written, and what it was used for.
 */
history: string, };

/**
 * One cause's chance, in words first.
 */
export type Chance = { condition: string, name: string, 
/**
 * The band's id (`knowledge/check_wording.toml`), e.g. `"likely"`.
 */
band: string, 
/**
 * The band in words: "very likely", "possible"...
 */
words: string, 
/**
 * The figure on demand, rounded: "about 70%", "over 95%".
 */
figure: string, 
/**
 * The rounded figure as a share in [0, 1], for a bar no finer than the figure.
 */
share: number, 
/**
 * The answers that moved it most, strongest first.
 */
why: Array<string>, };

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
 * The questions the check may ask.
 */
export type CheckQuestions = { 
/**
 * Every finding the engine may ask about, in the vocabulary's order.
 */
questions: Array<FindingInfo>, };

/**
 * One step of a check: everything the window shows after an answer.
 */
export type CheckStep = { result: ResultView, stage: Stage, 
/**
 * The question to ask now, if any (none in an emergency or once enough).
 */
next_question: string | null, 
/**
 * The warning-sign questions asked of everyone still unanswered: until they are, there is
 * no result to show or save (an emergency aside).
 */
warning_signs_open: Array<string>, emergency: EmergencyInstruction | null, 
/**
 * The answers so far, in the questionnaire's words.
 */
answers: Array<AnswerRow>, };

/**
 * A condition id with its display name, for the library's filter.
 */
export type ConditionName = { id: string, name: string, };

/**
 * What the window shows: the log's text, where it is, and the time of its last entry (the
 * window remembers which one the person has seen).
 */
export type CrashLog = { path: string, text: string, 
/**
 * The UTC time (RFC 3339) of the newest entry, if one is found in the text.
 */
last_at: string | null, };

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
 * What to do in an emergency, in place of the interview.
 */
export type EmergencyInstruction = { title: string, call: string, 
/**
 * What to tell the call handler, in order.
 */
say: Array<string>, 
/**
 * What not to do.
 */
dont: Array<string>, 
/**
 * The warning signs behind it (the red-flag messages).
 */
because: Array<string>, };

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
 * One way of scoring one set. Counts, not percentages: the reader divides by `cases`.
 */
export type Figures = { cases: number, 
/**
 * An accepted condition ranked first.
 */
top1: number, 
/**
 * An accepted condition among the first three.
 */
top3: number, 
/**
 * The triage exactly as expected.
 */
triage_exact: number, 
/**
 * At the expected triage, above it, or at most one level below (Gilbert 2020's "safe").
 */
safe: number, 
/**
 * Emergency cases given a lower triage, by id.
 */
under_emergency: Array<string>, 
/**
 * Urgent cases given a lower triage, by id.
 */
under_urgent: Array<string>, 
/**
 * Emergency or urgent cases given self-care advice, by id: the worst under-triage.
 */
sent_to_self_care: Array<string>, 
/**
 * Cases given a higher triage than expected.
 */
over_triage: number, 
/**
 * Cases whose expected triage is self-care...
 */
self_care_cases: number, 
/**
 * ...and how many of them were sent to urgent or emergency care.
 */
self_care_sent_urgent: number, 
/**
 * Interviews only: the median number of questions asked (the upper one of an even count,
 * as interview_cases.py).
 */
median_questions: number | null, };

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
 * For an examination test: how to do it, in one line (findings.toml `how`, citing `how_src`).
 */
how?: string, 
/**
 * Named by a safety rule or the Wells score: asked before anything else.
 */
red_flag: boolean, } & ({ "type": "bool" } | { "type": "enum", values: Array<string>, } | { "type": "integer", min: number, max: number, } | { "type": "number", min: number, max: number, });

export type IsoWeek = string;

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
condition?: string, 
/**
 * The published citation(s) behind it; empty when it follows from the assessment itself
 * (its triage, red flags or differential), which cites nothing.
 */
source: string, 
/**
 * What the app opens from this item (a button beside it); the text never names a command.
 */
opens?: Opens, };

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
 * "None of these fits": the answers fit none of the listed causes well, so the list is a rough
 * guide only and a clinician should examine the leg.
 */
export type NoneFits = { 
/**
 * The share of "something not listed" (the leak class) on the list's scale.
 */
probability: number, 
/**
 * What that means for the person, in plain words.
 */
message: string, };

/**
 * Something an item's button opens.
 */
export type Opens = "recurrence_protocol";

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
 * Set when the plan stops running (outside urgent care, which stops it anyway).
 */
running_stop?: RunningStop, 
/**
 * The running parameter the most likely cause's plan cuts first, when it runs at all.
 */
cut_first?: LoadParameter, 
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
id: string, name: string, prescription: Prescription, 
/**
 * The prescription in words, without its note (`Prescription::dose`): the one wording of a
 * dose, which the app shows as it is.
 */
dose: string, note?: string, };

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

/**
 * One phase of a rehab programme.
 */
export type RehabPhase = { name: string, goal: string, exercises: Array<PlannedExercise>, 
/**
 * What must be true before moving to the next phase.
 */
progress_when: Array<string>, source: string, };

/**
 * What a restore did: the profile it went into, whether it made that profile, and the rows.
 */
export type Restored = { profile: Profile, 
/**
 * True when no profile had the backup's name, so one was created for it.
 */
created: boolean, added: number, already_there: number, };

/**
 * A result as the window shows it: the assessment, its causes' chances in words, and the Wells
 * score as far as it is known. The same for a check in progress and a saved one.
 */
export type ResultView = { assessment: Assessment, 
/**
 * The causes shown, most likely first.
 */
chances: Array<Chance>, 
/**
 * Present when the score belongs on screen: a physio examining, an item that scored, or a
 * clot among the causes.
 */
wells: WellsView | null, };

/**
 * Why a condition is in the plan.
 */
export type Role = "top" | "still_open";

/**
 * The answer about running today.
 */
export type RunToday = "no" | "less" | "yes";

/**
 * Why running stops, and until when: the one running answer a plan gives when it stops running.
 */
export type RunningStop = { 
/**
 * The condition that stops it (the most likely cause, or one still to rule out).
 */
condition: string, role: Role, 
/**
 * "a physiotherapist or doctor has examined the shin ...": who decides, and how soon.
 */
until: string, source: string, };

export type SavedAssessment = { id: number, created_at: string, engine_version: string, 
/**
 * The answers given (the engine's `Case`, as JSON).
 */
case: Record<string, unknown>, 
/**
 * The result as the engine returned it (an `Assessment`, as JSON of its day).
 */
result: Record<string, unknown>, 
/**
 * A clinician's notes on the check (empty when none); a backup without them restores empty.
 */
notes: string, };

export type SavedCheck = { 
/**
 * The row as stored (its result JSON of its day, its notes).
 */
saved: SavedAssessment, 
/**
 * The result read with today's types; `None` when its shape has since changed (then the
 * window shows the summary it can read from `saved`, never a half-read result).
 */
view: ResultView | null, answers: Array<AnswerRow>, 
/**
 * A physio examined: an examination test was answered.
 */
examined: boolean, };

/**
 * A file written, and what it holds, so the person knows what they are about to send.
 */
export type SavedFile = { kind: SavedKind, 
/**
 * The full path written.
 */
path: string, pain_scores: number, 
/**
 * Training sessions; in the report, the runs of the weeks it covers.
 */
sessions: number, 
/**
 * Saved checks: the report shows the latest one (0 or 1), a backup holds them all.
 */
checks: number, exercise_completions: number, };

/**
 * What a saved file is.
 */
export type SavedKind = "report" | "backup" | "pain_csv" | "sessions_csv";

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
 * Its chance in words ("very likely", "possible"), as the Check words it: no false precision.
 */
top_chance?: string, plan: Plan, 
/**
 * Can I run today, and how much: from the plan and the log, for the machine's today.
 */
today: Today, };

/**
 * The PDF report saved, and whether the system's viewer was asked to open it.
 */
export type SavedReport = { file: SavedFile, 
/**
 * False when no viewer could be started (the file is saved all the same).
 */
opened: boolean, };

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

/**
 * One stored session.
 */
export type Session = { id: number, started_at: string, sport: Sport, distance_m: number | null, duration_s: number | null, elevation_gain_m: number | null, 
/**
 * The file it was imported from; none when entered by hand.
 */
source_file: string | null, fingerprint: string, };

/**
 * One set's figures, each way.
 */
export type SetFigures = { set: CaseSet, 
/**
 * Every finding of the case given at once.
 */
full_case: Figures, 
/**
 * The questionnaire with a physio examining: one suggested question at a time.
 */
interview: Figures, 
/**
 * The questionnaire answered by a runner alone (no examination tests).
 */
runner: Figures, };

export type Settings = { units: Units, theme: Theme, };

/**
 * Which leg hurts.
 */
export type Side = "left" | "right" | "both";

export type Sport = "running" | "walking" | "hiking" | "cycling" | "swimming" | "other";

/**
 * How far the interview is.
 */
export type Stage = "asking" | "nearly" | "enough" | "emergency";

/**
 * `System` follows the operating system's light or dark preference.
 */
export type Theme = "system" | "light" | "dark";

/**
 * The Today card a plan leads with.
 */
export type Today = { 
/**
 * The person's local date the answer is for.
 */
date: string, run: RunToday, 
/**
 * The answer in one sentence: "Don't run today.", "Run, but less: up to 4.5 km."
 */
headline: string, 
/**
 * How much, when running: "up to 4.5 km", "about 30 min".
 */
amount?: string, 
/**
 * Why, most important first.
 */
why: Array<string>, 
/**
 * For `No`: who decides when running can restart, and how soon.
 */
until?: string, };

/**
 * How soon to seek care, least urgent first so that `max` picks the most urgent.
 */
export type Triage = "self_care" | "clinician" | "urgent" | "emergency";

export type Units = "km" | "mi";

/**
 * What to do next week.
 */
export type Verdict = "begin_return" | "hold" | "ease_back" | "restrict_further" | "baseline" | "not_enough_data";

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

export type WellsState = "incomplete" | "likely" | "less_likely";

/**
 * The Wells score as far as it is known.
 */
export type WellsView = { state: WellsState, 
/**
 * The score of the items known; read only when `state` is not `incomplete`.
 */
score: number, known: number, total: number, 
/**
 * What the score means now, in words.
 */
says: string, 
/**
 * The items that scored, in plain words with their points.
 */
items: Array<string>, 
/**
 * The finding keys still to answer, in the knowledge base's order: the window asks them.
 */
missing: Array<string>, };

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
  accuracy_figures: { args: Record<string, never>; result: Benchmark };
  latest_plan: { args: { profileId: number }; result: SavedPlan | null };
  tweak_plan: { args: Record<string, never>; result: Plan };
  exercise_library: { args: Record<string, never>; result: ExerciseLibrary };
  get_exercise: { args: { id: string }; result: ExerciseView };
  record_exercise_done: { args: { profileId: number; exerciseId: string; doneOn: string; setsDone: number }; result: null };
  list_exercise_completions: { args: { profileId: number }; result: Array<ExerciseCompletion> };
  check_questions: { args: Record<string, never>; result: CheckQuestions };
  assess_check: { args: { answers: CheckAnswers }; result: CheckStep };
  save_check: { args: { profileId: number; answers: CheckAnswers; notes: string }; result: SavedCheck };
  set_check_notes: { args: { profileId: number; id: number; notes: string }; result: SavedCheck };
  add_pain_entry: { args: { profileId: number; recordedAt: string; score: number; moment: string; side: Side | null; notes: string }; result: PainEntry };
  list_pain_entries: { args: { profileId: number }; result: Array<PainEntry> };
  delete_pain_entry: { args: { profileId: number; id: number }; result: boolean };
  add_session: { args: { profileId: number; startedAt: string; sport: Sport; distanceM: number | null; durationS: number | null; elevationGainM: number | null }; result: Session };
  list_sessions: { args: { profileId: number }; result: Array<Session> };
  delete_session: { args: { profileId: number; id: number }; result: boolean };
  weekly_review: { args: { profileId: number; week: string | null }; result: WeeklyReview };
  import_log_file: { args: { profileId: number; name: string; bytes: Array<number> }; result: FileOutcome };
  save_report: { args: { profileId: number }; result: SavedFile };
  save_report_pdf: { args: { profileId: number; checkId: number | null }; result: SavedReport };
  get_clinic_name: { args: Record<string, never>; result: string };
  set_clinic_name: { args: { name: string }; result: string };
  save_backup: { args: { profileId: number }; result: SavedFile };
  save_csv: { args: { profileId: number }; result: Array<SavedFile> };
  restore_backup: { args: { text: string }; result: Restored };
  list_checks: { args: { profileId: number }; result: Array<SavedCheck> };
  delete_check: { args: { profileId: number; id: number }; result: null };
  check_plan: { args: { profileId: number; checkId: number }; result: SavedPlan };
  crash_log: { args: Record<string, never>; result: CrashLog | null };
  ui_ready: { args: Record<string, never>; result: null };
};

export const MAX_PROFILE_NAME_CHARS = 100;
export const DISCLAIMER = "Soleus is not a diagnosis. It suggests likely causes from your answers; only a clinician who examines you can diagnose. If you are worried, or the advice says so, seek care.";
export const MAX_CHECK_NOTES_CHARS = 4000;
