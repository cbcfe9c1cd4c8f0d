// Generated from the Rust types by `cargo test -p soleus-desktop`; do not edit.
// After changing a command or a type, regenerate with
//   UPDATE_BINDINGS=1 cargo test -p soleus-desktop bindings

export type Advice = { verdict: Verdict, 
/**
 * For `RestrictFurther` and `Baseline`: the parameter to cut, when the log can tell.
 */
parameter: LoadParameter | null, headline: string, detail: string, 
/**
 * For `BeginReturn`: next week's running distance at the growth rate, when this week's is known.
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

export type BeginReturnWords = { 
/**
 * Next week's distance, inside the detail.
 */
example: string, src: string, headline: string, detail: string, };

/**
 * The figures of every shipped set.
 */
export type Benchmark = { sets: Array<SetFigures>, 
/**
 * The most questions an interview may ask before it is scored as it stands.
 */
max_questions: number, };

/**
 * One day of the calendar.
 */
export type CalendarDay = { date: string, today: boolean, 
/**
 * The day of the check (the injury on the training calendar).
 */
injury: boolean, 
/**
 * The rehab phase the day falls in, when the plan has one by then.
 */
phase?: string, runs: Array<CalendarRun>, exercises: Array<CalendarExercise>, 
/**
 * No run and no strength session that day (everyday mobility does not count).
 */
rest: boolean, };

/**
 * A rehab exercise on a day: planned by the phase, done (from the log), or both.
 */
export type CalendarExercise = { 
/**
 * The library id.
 */
id: string, name: string, 
/**
 * The prescription in words (`Prescription::dose`).
 */
dose: string, 
/**
 * Sessions that day: 2 for "twice a day".
 */
sessions: number, 
/**
 * Sets a session (what ticking it records as done).
 */
sets: number, 
/**
 * Done every day (mobility), rather than on strength days.
 */
daily: boolean, planned: boolean, done: boolean, };

/**
 * A run on a day: logged (done) or planned.
 */
export type CalendarRun = { done: boolean, 
/**
 * Done: what was run ("5.0 km", "32 min"); planned: the Today card's amount ("under 5.0 km").
 */
amount?: string, };

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
 * A cause a clinician may confirm.
 */
export type Cause = { condition: string, name: string, };

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
 * The pain charts' return line and captions, thresholds written in.
 */
export type ChartWords = { src: string, 
/**
 * The label drawn on the line.
 */
line_label: string, 
/**
 * The line's name in a legend.
 */
line_legend: string, 
/**
 * Where a 7-day mean stands against the line, for a screen reader.
 */
at_or_below: string, above: string, report_pain_caption: string, report_load_caption: string, };

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
 * What the UI passes to `sendFile`: the bytes go as the body, the rest as headers.
 */
export type ChosenFile = { profileId: number, name: string, bytes: Uint8Array, };

/**
 * A condition id with its display name, for the library's filter.
 */
export type ConditionName = { id: string, name: string, };

/**
 * A cause a clinician confirmed on a saved check.
 */
export type Confirmation = { 
/**
 * The condition's id: one the engine knows, listed on the check or not.
 */
condition: string, 
/**
 * Who confirmed it (and examined).
 */
by: string, at: string, };

/**
 * Who confirmed a plan's cause, and when, as the plan shows it.
 */
export type ConfirmedCause = { condition: string, 
/**
 * The cause's name.
 */
name: string, by: string, 
/**
 * The day it was confirmed, in the one date format people read ("Mon 7 Dec 2026").
 */
on: string, };

/**
 * A confirmation as the window shows it: the cause by name, who confirmed it and when.
 */
export type ConfirmedCheck = { condition: string, 
/**
 * The cause's name; a cause this version no longer knows is named by its id, in words.
 */
name: string, by: string, at: string, };

/**
 * What the window shows: the log's text, where it is, and the time of its last entry (the
 * window remembers which one the person has seen).
 */
export type CrashLog = { path: string, text: string, 
/**
 * The UTC time (RFC 3339) of the newest entry, if one is found in the text.
 */
last_at: string | null, };

export type CriterionVerdict = "met" | "not_met" | "not_tested";

export type CriterionView = { measure: Measure, 
/**
 * The criterion in words: "At least 30 single-leg calf raises on each leg".
 */
text: string, verdict: CriterionVerdict, 
/**
 * What the latest record of this measure found, in words ("22 left, 30 right: 27% apart").
 */
found?: string, tested_on?: string, source: string, };

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
because: Array<string>, 
/**
 * Said while the answers are being saved for whoever treats the person.
 */
saving: string, 
/**
 * Said once they are saved: who to show them to.
 */
saved: string, };

/**
 * A stable, snake_case code naming the kind of failure (see the module's doc).
 */
export type ErrorCode = "db_not_sqlite" | "db_corrupt" | "db_too_new" | "db_io" | "db_migration" | "db_error" | "no_data_dir" | "profile_name_empty" | "profile_name_too_long" | "profile_name_taken" | "profile_not_found" | "clinic_name_blank" | "clinic_name_too_long" | "clinic_name_control" | "log_score_out_of_range" | "log_bad_time" | "log_bad_side" | "log_text_too_long" | "log_implausible_value" | "log_duplicate_entry" | "log_duplicate_session" | "log_bad_week" | "log_value_refused" | "log_io" | "log_bad_site" | "log_bad_run_moment" | "log_run_not_found" | "log_score_before_run" | "log_next_morning_on_run_day" | "check_notes_too_long" | "saved_check_not_found" | "saved_check_unreadable" | "check_warning_signs_open" | "import_unknown_format" | "import_unreadable" | "import_bad_row" | "import_reader_failed" | "import_bad_backup" | "import_needs_profile" | "import_file_too_large" | "import_unzipped_too_large" | "import_too_many_points" | "import_too_deeply_nested" | "import_too_many_attributes" | "import_entities_refused" | "invalid_json" | "invalid_case" | "unknown_finding" | "invalid_value" | "unknown_exercise" | "case_set_unreadable" | "examiner_name_missing" | "examiner_name_blank" | "examiner_name_too_long" | "examiner_name_control" | "confirmed_cause_unknown" | "reminder_bad_time" | "rtr_calf_raises_out_of_range" | "rtr_knee_to_wall_out_of_range" | "rtr_pain_out_of_range" | "rtr_one_side_only" | "rtr_empty_test" | "rtr_bad_day" | "rtr_unknown_instrument" | "rtr_score_out_of_range" | "ready_file" | "crash_log_unreadable" | "internal";

/**
 * What crosses a process boundary (IPC, CLI JSON) when something fails.
 */
export type ErrorPayload = { code: ErrorCode, message: string, };

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
 * The publications the exercise or its dose comes from: in the files, ids of
 * `knowledge/sources.toml`; once loaded, their published citations (checked at load, the
 * way the plans' sources are), so no internal label reaches a person.
 */
sources: Array<string>, 
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

/**
 * One day's functional tests. A measure not taken is `None`; the two legs of a paired test come
 * together.
 */
export type FunctionalTest = { tested_on: string, calf_raises_left: number | null, calf_raises_right: number | null, knee_to_wall_left_cm: number | null, knee_to_wall_right_cm: number | null, hop_pain: number | null, walk_pain: number | null, calf_raise_pain: number | null, };

/**
 * An outcome questionnaire. Only its total is recorded: its wording is not shipped.
 */
export type InstrumentSpec = { id: string, name: string, min: number, max: number, 
/**
 * The smallest change in the total that matters to a patient, where the source gives one.
 */
important_change?: number, default: boolean, conditions: Array<string>, 
/**
 * Where the questionnaire itself is published.
 */
link: string, src: string, };

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
 * The number of `source` in the plan's source list (`Plan::sources`, from 1); none when it
 * cites nothing.
 */
cite?: number, 
/**
 * What the app opens from this item (a button beside it); the text never names a command.
 */
opens?: Opens, };

export type LadderRule = { text: string, source: string, };

export type LadderView = { 
/**
 * True once every stage is passed and nothing holds running back.
 */
unlocked: boolean, 
/**
 * Each step in words, first to last ("Jog 1 min, walk 1 min: 20 minutes in all").
 */
steps: Array<string>, rules: Array<LadderRule>, source: string, };

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
 * The loop's thresholds.
 */
export type Loop = { 
/**
 * At or below this weekly score, begin a gradual return.
 */
return_at: number, return_at_src: string, 
/**
 * A weekly drop of at least this many points is progress.
 */
on_track_drop: number, on_track_drop_src: string, growth_percent: number, growth_src: string, };

/**
 * What a criterion measures, from the runner's recorded tests.
 */
export type Measure = "walk_pain" | "calf_raise_pain" | "hop_pain" | "calf_raises" | "calf_raise_difference" | "knee_to_wall_difference";

/**
 * A run without its next-morning score, asked for when the app opens.
 */
export type MissedMorning = { run_id: number, label: string, 
/**
 * "How was it on the morning after Tuesday's 12 km?"
 */
question: string, };

/**
 * The next step and what it takes.
 */
export type NextStep = { 
/**
 * "Calf strength", or "the walk-run ladder".
 */
to: string, 
/**
 * The criteria still to meet, in words; empty once the ladder is open.
 */
needs: Array<string>, 
/**
 * One sentence for the runner.
 */
summary: string, };

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
 * An outcome questionnaire's total on a day.
 */
export type OutcomeScore = { 
/**
 * An instrument id of `knowledge/return_to_run.toml` (`visa_a`, `lefs`).
 */
instrument: string, scored_on: string, score: number, };

export type OutcomeView = { instrument: InstrumentSpec, 
/**
 * This instrument's scores, oldest first.
 */
scores: Array<OutcomeScore>, 
/**
 * True when no score is recorded yet or the last one is at least `every_days` old.
 */
due: boolean, next_due: string, every_days: number, 
/**
 * The change from the first score to the latest, in words, with whether it reaches the
 * instrument's important change; none before two scores.
 */
change?: string, source: string, 
/**
 * Where to get the questionnaire, which Soleus does not ship: "Ask your physio for it, or
 * find it at https://...".
 */
find_it: string, };

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
moment: string, side: Side | null, notes: string, 
/**
 * The run (training session) it belongs to; none for a free-standing score, or once that
 * run was deleted (the score stays, with its `run_moment`).
 */
run_id: number | null, 
/**
 * Which moment of a run it was taken at.
 */
run_moment: RunMoment | null, 
/**
 * Where it hurts: a region of the body map ([`sites`]).
 */
site: string | null, };

/**
 * Where an exercise sits in a rehab programme, earliest first.
 */
export type Phase = "prepare" | "protect" | "foundation" | "strength" | "power" | "return_to_run";

/**
 * What leaves today's rehab phase for the next: the criteria of the return-to-run stage the
 * phase names (each met, not met or not yet tested) and the day the next phase's window opens.
 */
export type PhaseExit = { 
/**
 * Today's phase.
 */
phase: string, 
/**
 * The phase after it.
 */
next: string, 
/**
 * The return-to-run stage whose criteria let the runner leave; none: time alone.
 */
stage?: string, criteria: Array<CriterionView>, 
/**
 * The first day the next phase's window allows, when its name states one.
 */
window_opens?: string, 
/**
 * What unlocks the next phase, in one sentence.
 */
summary: string, };

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
 * The plan's phases that stop running for their first days, counted from the injury.
 */
running_pauses?: Array<RunningPause>, 
/**
 * The day of the injury: the check's day less its days since onset (`Plan::dated`). `None`
 * for a plan not yet tied to a check: its pauses then count from the day asked about.
 */
injured_on?: string, 
/**
 * What must be true before the first run, when the most likely cause's plan says "no running
 * until" it ("you walk without a limp ..."): the Today card's running answers lead with it.
 */
runs_once?: string, 
/**
 * The running parameter the most likely cause's plan cuts first, when it runs at all.
 */
cut_first?: LoadParameter, 
/**
 * Set once a clinician has confirmed the cause (`confirmed::plan_confirmed`); until then the
 * title reads "If this is: ...".
 */
confirmed?: ConfirmedCause, 
/**
 * The sources the plan cites, each once, in order of first use (items, then each rehab phase
 * and its exercises, section by section); source `n` is at index `n - 1`. Numbered once, by
 * [`Plan::numbered`]: the window, the text plan and both reports show these numbers.
 */
sources: Array<string>, 
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
dose: string, note?: string, 
/**
 * The exercise's published sources (`Exercise::sources`), which the plan numbers with the
 * rest of its sources, one number per publication.
 */
sources: Array<string>, 
/**
 * Their numbers in the plan's source list, in order, each once: the marks shown beside it.
 */
cites: Array<number>, };

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
progress_when: Array<string>, source: string, 
/**
 * The number of `source` in the plan's source list; none when it cites nothing.
 */
cite?: number, 
/**
 * The return-to-run stage whose exit criteria, once met by the runner's recorded tests, let
 * the calendar leave this phase (`plans::week`); none: time alone.
 */
exit_stage?: string, };

/**
 * What a reminder is for.
 */
export type ReminderKind = "exercises" | "morning_pain";

/**
 * A profile's reminders: each a local time "HH:MM", or none when off.
 */
export type Reminders = { exercises?: string, morning_pain?: string, };

/**
 * What a restore did: the profile it went into, whether it made that profile, and the rows.
 */
export type Restored = { profile: Profile, 
/**
 * True when no profile had the backup's name, so one was created for it.
 */
created: boolean, added: number, already_there: number, };

export type RestrictWords = { 
/**
 * Added to the detail when the pain rose.
 */
rising: string, src: string, headline: string, detail: string, };

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
 * The return to running for one plan and one person's records.
 */
export type ReturnToRun = { condition: string, condition_name: string, 
/**
 * The protocol's title ("Calf strain").
 */
protocol: string, 
/**
 * What the tests are for and who decides, naming the cause and the protocol.
 */
caveat: string, 
/**
 * Why the tests cannot unlock running now (the plan stops running, or care comes first).
 */
held?: string, stages: Array<StageView>, next: NextStep, ladder: LadderView, outcome: OutcomeView, };

/**
 * Why a condition is in the plan.
 */
export type Role = "top" | "still_open";

/**
 * One run read against the model.
 */
export type RunCheck = { run_id: number, started_at: string, sport: Sport, distance_km: number | null, 
/**
 * How sentences name the run: "Tuesday's 12 km".
 */
label: string, 
/**
 * The highest score at each moment (several may be taken).
 */
during: number | null, after: number | null, next_morning: number | null, 
/**
 * The last next-morning score before this run (within the model's baseline days).
 */
morning_before: number | null, 
/**
 * Every score tied to the run, oldest first.
 */
scores: Array<PainEntry>, verdict: RunVerdict, sentence: string, };

/**
 * The moments of a run the pain-monitoring model reads.
 */
export type RunMoment = "during" | "after" | "next_morning";

/**
 * The answer about running today.
 */
export type RunToday = "no" | "less" | "yes";

/**
 * What one run's scores say.
 */
export type RunVerdict = "within" | "too_much_during" | "too_much_after" | "not_settled" | "awaiting_morning" | "not_scored";

/**
 * A phase of the plan that stops running for its first days (the knowledge's `stops_running`):
 * the Today card says don't run until it ends, then gives the weekly loop's answer.
 */
export type RunningPause = { 
/**
 * The phase: "First 48 hours", "Settle (weeks 0-2)".
 */
phase: string, why: string, 
/**
 * The phase ends this many days after the injury.
 */
days: number, source: string, };

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

/**
 * A verdict's headline and what to do.
 */
export type Said = { src: string, headline: string, detail: string, };

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
notes: string, 
/**
 * Who examined (a clinician's name), empty when nobody did or gave no name (migration 008).
 * Read it from `app::saved::SavedCheck::examined_by`.
 */
examined_by?: string, 
/**
 * The cause a clinician confirmed on this check, when one has (`log::confirmation`).
 */
confirmed?: Confirmation, };

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
 * A physio examined: an examination test was answered, or someone is named as examining.
 */
examined: boolean, 
/**
 * Who examined, when a name was given (on the examination form, or with a confirmation).
 */
examined_by?: string, 
/**
 * The cause a clinician confirmed on this check, when one has: then its plan is that cause's.
 */
confirmed?: ConfirmedCheck, };

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
 * Its chance in words ("very likely", "possible"), as the Check words it: no false precision;
 * none once a clinician confirmed the cause.
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

/**
 * One region of the body map, as the app offers it.
 */
export type Site = { 
/**
 * The vocabulary's value, e.g. `achilles`.
 */
value: string, 
/**
 * In plain words, e.g. "The tendon above the heel (Achilles)".
 */
label: string, };

export type Spike = { window_days: number, src: string, bands: Array<SpikeBand>, };

/**
 * One band of the single-run spike's hazard.
 */
export type SpikeBand = { 
/**
 * Upper bound of how much longer, in percent (inclusive); none for the last band.
 */
up_to_percent?: number, hazard: number, };

export type Sport = "running" | "walking" | "hiking" | "cycling" | "swimming" | "other";

/**
 * How far the interview is.
 */
export type Stage = "asking" | "nearly" | "enough" | "emergency";

export type StageState = "passed" | "current" | "ahead";

export type StageView = { name: string, goal: string, state: StageState, 
/**
 * What must be met to leave this stage (and so to enter the next).
 */
exit: Array<CriterionView>, };

export type Start = { settings: Settings, 
/**
 * Everyone with a record here; none on a first launch (the window asks for a name).
 */
profiles: Array<Profile>, 
/**
 * The person the core last had open, if any.
 */
active: Profile | null, 
/**
 * Whether the window opens on `active`'s record. With several people on this computer (a
 * physio's patients) it opens on nobody's: the last patient's name is not for the next one.
 */
open_record: boolean, 
/**
 * The saved checks of the record it opens on, newest first (its Check tab); else empty.
 */
checks: Array<SavedCheck>, };

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
 * The Today card's reason on a day to build back up.
 */
export type TodayWords = { src: string, keep_within: string, };

/**
 * `knowledge/training_load.toml`.
 */
export type TrainingLoad = { loop: Loop, spike: Spike, weekly_rise: WeeklyRise, words: Words, };

/**
 * How soon to seek care, least urgent first so that `max` picks the most urgent. What each level
 * tells the person is knowledge (`knowledge/triage.toml`, [`Triage::advice`]).
 */
export type Triage = "self_care" | "clinician" | "urgent" | "emergency";

export type Units = "km" | "mi";

/**
 * What to do next week.
 */
export type Verdict = "begin_return" | "hold" | "ease_back" | "restrict_further" | "baseline" | "not_enough_data";

/**
 * A load warning's sentence.
 */
export type Warned = { src: string, message: string, };

export type WarningKind = "long_run_spike" | "weekly_distance_jump";

/**
 * This week and the next, day by day.
 */
export type WeekCalendar = { 
/**
 * The ISO week of `days`.
 */
week: IsoWeek, 
/**
 * Monday to Sunday of this week, with what was done ticked.
 */
days: Array<CalendarDay>, 
/**
 * Monday to Sunday of next week: what is planned, a preview.
 */
next_week: Array<CalendarDay>, 
/**
 * The day of the check, marked as the injury on the calendar.
 */
injury_on: string, 
/**
 * Why no run is planned, when none is: running is stopped, or no run is logged yet to
 * learn the days from.
 */
runs_note?: string, 
/**
 * What unlocks the phase after today's: its criteria with the latest tests, or its day.
 */
phase_exit?: PhaseExit, };

/**
 * A week's running (the load the loop manages), and how many other sessions there were.
 */
export type WeekLoad = { runs: number, distance_km: number, duration_min: number, elevation_gain_m: number, other_sessions: number, };

/**
 * The week read against the model: the runs that did not keep to it, by name.
 */
export type WeekMonitoring = { verdict: WeekVerdict, 
/**
 * What to tell the runner, the most important first.
 */
sentences: Array<string>, 
/**
 * This week's runs (and other sessions with scores), oldest first.
 */
runs: Array<RunCheck>, 
/**
 * The mean next-morning score of this week's runs and of last week's, to one decimal.
 */
morning_mean: number | null, previous_morning_mean: number | null, 
/**
 * The model's source, as published.
 */
source: string, };

/**
 * A week's key-moment pain.
 */
export type WeekPain = { 
/**
 * Mean of the week's key-moment scores, to one decimal.
 */
mean: number, scores: number, lowest: number, highest: number, };

/**
 * One week of the load chart.
 */
export type WeekTotals = { week: IsoWeek, starts_on: string, 
/**
 * Running distance in the units asked for, to one decimal (the review's load).
 */
distance: number, 
/**
 * The review's mean pain at the week's key moment, to one decimal; none without a score
 * there.
 */
pain: number | null, runs: number, };

export type WeekVerdict = "within" | "over_the_model" | "rising" | "not_enough_data";

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
not_judged: Array<string>, 
/**
 * The scores tied to runs, read with Silbernagel's pain-monitoring model.
 */
pain_monitoring: WeekMonitoring, when_to_seek_care: string, };

export type WeeklyRise = { percent: number, src: string, };

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

/**
 * What the review and the charts say (`[words]`).
 */
export type Words = { src: string, when_to_seek_care: string, no_score: Said, begin_return: BeginReturnWords, baseline: Said, hold: Said, restrict: RestrictWords, ease_back: Said, spike: Warned, weekly_rise: Warned, today: TodayWords, chart: ChartWords, };

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
  save_check: { args: { profileId: number; answers: CheckAnswers; notes: string; examinedBy: string | null }; result: SavedCheck };
  set_check_notes: { args: { profileId: number; id: number; notes: string }; result: SavedCheck };
  add_pain_entry: { args: { profileId: number; recordedAt: string; score: number; moment: string; side: Side | null; notes: string; site: string | null }; result: PainEntry };
  list_pain_entries: { args: { profileId: number }; result: Array<PainEntry> };
  delete_pain_entry: { args: { profileId: number; id: number }; result: boolean };
  add_session: { args: { profileId: number; startedAt: string; sport: Sport; distanceM: number | null; durationS: number | null; elevationGainM: number | null }; result: Session };
  list_sessions: { args: { profileId: number }; result: Array<Session> };
  delete_session: { args: { profileId: number; id: number }; result: boolean };
  weekly_review: { args: { profileId: number; week: string | null }; result: WeeklyReview };
  weekly_totals: { args: { profileId: number; weeks: number }; result: Array<WeekTotals> };
  import_log_file: { args: { file: ChosenFile }; result: FileOutcome };
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
  week_plan: { args: { profileId: number; checkId: number | null }; result: WeekCalendar | null };
  get_reminders: { args: { profileId: number }; result: Reminders };
  set_reminder: { args: { profileId: number; kind: ReminderKind; time: string | null }; result: Reminders };
  return_to_run: { args: { profileId: number; checkId: number | null }; result: ReturnToRun | null };
  record_functional_test: { args: { profileId: number; test: FunctionalTest }; result: FunctionalTest };
  record_outcome_score: { args: { profileId: number; score: OutcomeScore }; result: OutcomeView };
  outcome_scores: { args: { profileId: number }; result: OutcomeView };
  score_run: { args: { profileId: number; runId: number; moment: RunMoment; score: number; side: Side | null; site: string | null; recordedAt: string | null }; result: PainEntry };
  recent_runs: { args: { profileId: number }; result: Array<RunCheck> };
  missed_next_morning: { args: { profileId: number }; result: MissedMorning | null };
  pain_sites: { args: Record<string, never>; result: Array<Site> };
  check_causes: { args: Record<string, never>; result: Array<Cause> };
  confirm_check: { args: { profileId: number; id: number; condition: string; by: string }; result: SavedCheck };
  tweak_today: { args: Record<string, never>; result: Today };
  start: { args: Record<string, never>; result: Start };
  ui_ready: { args: Record<string, never>; result: null };
};

export const MAX_PROFILE_NAME_CHARS = 100;
export const DISCLAIMER = "Soleus is not a diagnosis. It suggests likely causes from your answers; only a clinician who examines you can diagnose. If you are worried, or the advice says so, seek care.";
export const MAX_CHECK_NOTES_CHARS = 4000;
export const RUN_SCORE_SCALE = "0 none, 10 worst imaginable; up to 5 during a run is acceptable";
export const MAX_NOTES_CHARS = 4000;
export const MAX_MOMENT_CHARS = 200;
export const MAX_CLINIC_NAME_CHARS = 120;
export const MAX_RUN_DISTANCE_M = 1000000;
export const MAX_RUN_DURATION_S = 1000000;
export const MAX_RUN_CLIMB_M = 100000;
export const MAX_PAIN_SCORE = 10;
export const MAX_CALF_RAISES = 200;
export const MAX_KNEE_TO_WALL_CM = 30;
export const PHASE_WAITS = "This phase's exercises wait until a doctor has ruled out the serious cause.";
export const MAX_BACKUP_BYTES = 52428800;
export const TRIAGE_ACT = {"clinician":"Book a physiotherapist or doctor","emergency":"Call emergency services now","self_care":"","urgent":"See a doctor today"} as const satisfies Record<Triage, string>;
export const TRIAGE_BADGE = {"clinician":"See a clinician","emergency":"Emergency","self_care":"Self-care","urgent":"Urgent: today"} as const satisfies Record<Triage, string>;
export const TRIAGE_HEADLINE = {"clinician":"See a physio or doctor","emergency":"Emergency: get help now","self_care":"Self-care","urgent":"Urgent: see a doctor today"} as const satisfies Record<Triage, string>;
export const TRAINING_LOAD: TrainingLoad = {"loop":{"return_at":3.0,"return_at_src":"silbernagel2007","on_track_drop":2.0,"on_track_drop_src":"farrar2001","growth_percent":10,"growth_src":"frandsen2025"},"spike":{"window_days":30,"src":"frandsen2025","bands":[{"up_to_percent":30.0,"hazard":1.64},{"up_to_percent":100.0,"hazard":1.52},{"hazard":2.28}]},"weekly_rise":{"percent":10,"src":"nielsen2014b"},"words":{"src":"silbernagel2007","when_to_seek_care":"This review is not a diagnosis. See a physiotherapist or doctor if the pain is not easing after two or three weeks of this, if it wakes you at night or is there at rest, or at once if the calf becomes swollen, hot or red, or you cannot put weight on the leg.","no_score":{"src":"silbernagel2007","headline":"No pain score this week, so there is nothing to review yet.","detail":"Score your pain out of 10 at one key moment you can repeat, for example an hour after a run, or partway through a run at the same point each time, a few times this week."},"begin_return":{"src":"silbernagel2007","headline":"Pain is at {mean}/10, 3 or less: begin a gradual return.","detail":"Add load back slowly, about 10% a week{example}, one parameter at a time, and keep scoring at the same moment. If the pain climbs back above 3/10, return to the last load that felt fine.","example":" (next week up to about {distance})"},"baseline":{"src":"silbernagel2007","headline":"Nothing from last week to compare with: {mean}/10 is your starting point.","detail":"Cut one load parameter ({cut}; {why}), hold it for a week, and score at the same key moment; next week's review compares with this one."},"hold":{"src":"farrar2001","headline":"Pain dropped by {drop} points ({previous} to {mean}): you are on track.","detail":"Keep the same reduced load for another week and score again at the same moment; once the pain is at 3/10 or less, start building back up."},"restrict":{"src":"farrar2001","headline":"Pain {change} ({previous} to {mean}): restrict your {cut} further next week.","detail":"A drop of 2 points or more is what counts as progress. Cut it back again ({why}), change nothing else, and score again in a week.{rising}","rising":" Pain that rises while you are cutting back is worth showing to a physiotherapist."},"ease_back":{"src":"frandsen2025","headline":"{pain}, but {what}: ease back before building again.","detail":"Go back to last week's load{target} for the coming week and keep scoring at the same moment. Pain often follows a jump in load a few days later, so the good score does not make the jump safe."},"spike":{"src":"frandsen2025","message":"Your {distance} run on {day} was {percent}% longer than your longest in the 30 days before ({longest}). Runners who did that were injured about {hazard} times as often (Frandsen et al., BJSM 2025); keep single runs within 10% of your recent longest."},"weekly_rise":{"src":"nielsen2014b","message":"You ran {distance} this week, {percent}% more than last week's {previous}. Build weekly distance by no more than about 10% a week."},"today":{"src":"frandsen2025","keep_within":"Keep any single run within 10% of your longest in the last 30 days."},"chart":{"src":"silbernagel2007","line_label":"3/10: begin a gradual return","line_legend":"3/10 line","at_or_below":"at or below the 3/10 line where a gradual return begins","above":"above the 3/10 line where a gradual return begins","report_pain_caption":"Each dot is a score (0 no pain, 10 worst); the line joins each week's mean at the key moment; the dashed line is 3/10, where a gradual return to running begins.","report_load_caption":"Running distance per week in km, on the same weeks as the pain chart. An orange bar is a week with a load warning (a run or a week more than 10% above what came before; see the weekly reviews)."}}};
