// Checks the log's forms as the person fills them in, with the rules the core enforces (the core
// checks again; this says what is wrong sooner, beside the field). Times are sent as local
// "YYYY-MM-DD HH:MM", which the core reads in the machine's zone.
import {
  MAX_MOMENT_CHARS, MAX_NOTES_CHARS, MAX_PAIN_SCORE, MAX_RUN_CLIMB_M as MAX_CLIMB_M, MAX_RUN_DISTANCE_M as MAX_DISTANCE_M,
  MAX_RUN_DURATION_S as MAX_DURATION_S, type Units,
} from './bindings';
import { fromMetres, parseDuration, toMetres } from './units';

/** Key moments most people can repeat; the loop compares scores taken at the same one. */
export const MOMENTS = ['1 h after run', 'Next morning', 'During the run', 'On waking'];

export function scoreProblem(score: number | null): string | null {
  if (score === null) return `Choose a score from 0 (no pain) to ${MAX_PAIN_SCORE} (worst imaginable).`;
  if (!Number.isInteger(score) || score < 0 || score > MAX_PAIN_SCORE) {
    return `A pain score is a whole number from 0 to ${MAX_PAIN_SCORE}; ${score} is not.`;
  }
  return null;
}

/** `date` (YYYY-MM-DD) and `time` (HH:MM) must make a real moment that is not in the future. */
export function whenProblem(date: string, time: string, now: Date): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'Choose the date.';
  if (!/^\d{2}:\d{2}$/.test(time)) return 'Choose the time (HH:MM).';
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  const at = new Date(y, m - 1, d, h, min);
  if (Number.isNaN(at.getTime()) || at.getDate() !== d) return 'That is not a real date.';
  if (y < 1900) return 'Check the year.';
  if (at.getTime() > now.getTime() + 60_000) return 'That is in the future: log what has already happened.';
  return null;
}

export function momentProblem(moment: string): string | null {
  const n = [...moment.trim()].length;
  return n > MAX_MOMENT_CHARS ? `A key moment can be at most ${MAX_MOMENT_CHARS} characters; this one has ${n}.` : null;
}

export function notesProblem(notes: string): string | null {
  const n = [...notes.trim()].length;
  return n > MAX_NOTES_CHARS ? `Notes can be at most ${MAX_NOTES_CHARS} characters; these have ${n}.` : null;
}

export interface RunInput {
  date: string;
  time: string;
  distance: string;
  duration: string;
  climb: string;
}

export interface RunValues {
  startedAt: string;
  distanceM: number;
  durationS: number | null;
  elevationGainM: number | null;
}

export type RunProblems = Partial<Record<'when' | 'distance' | 'duration' | 'climb', string>>;

function number(text: string): number | null {
  const t = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/**
 * A distance typed in one unit, rewritten in another when the person switches units mid-way,
 * so that "8" typed as km is not saved as 8 miles. Anything that is not a number yet is left as
 * typed (the form's check names what is wrong with it).
 */
export function convertTypedDistance(text: string, from: Units, to: Units): string {
  const value = number(text);
  if (from === to || value === null) return text;
  return String(Number(fromMetres(toMetres(value, from), to).toFixed(2)));
}

/** The pain form's example of a key moment of one's own, in the person's units. */
export function momentExample(units: Units): string {
  return units === 'mi' ? 'e.g. at the 3 mile mark' : 'e.g. at the 5 km mark';
}

/** The run's values ready for `add_session`, or what is wrong with each field. */
export function checkRun(input: RunInput, units: Units, now: Date): { values: RunValues } | { problems: RunProblems } {
  const problems: RunProblems = {};
  const when = whenProblem(input.date, input.time, now);
  if (when) problems.when = when;

  const distance = number(input.distance);
  if (input.distance.trim() === '') problems.distance = `Type how far you ran, in ${units}.`;
  else if (distance === null) problems.distance = `Type the distance as a number of ${units}, e.g. 5.5.`;
  else if (distance <= 0) problems.distance = 'The distance must be more than 0.';
  else if (toMetres(distance, units) > MAX_DISTANCE_M) problems.distance = `${distance} ${units} is not plausible for one run: check the units.`;

  let durationS: number | null = null;
  if (input.duration.trim() !== '') {
    durationS = parseDuration(input.duration);
    if (durationS === null) problems.duration = 'Type minutes (45) or hours:minutes:seconds (1:05:00).';
    else if (durationS <= 0) problems.duration = 'The time must be more than 0.';
    else if (durationS > MAX_DURATION_S) problems.duration = 'That is not plausible for one run.';
  }

  let climb: number | null = null;
  if (input.climb.trim() !== '') {
    climb = number(input.climb);
    if (climb === null) problems.climb = 'Type the climb as a number of metres.';
    else if (climb < 0) problems.climb = 'The climb cannot be negative.';
    else if (climb > MAX_CLIMB_M) problems.climb = 'That is not plausible for one run.';
  }

  if (Object.keys(problems).length > 0) return { problems };
  return {
    values: {
      startedAt: `${input.date} ${input.time}`,
      distanceM: Math.round(toMetres(distance!, units)),
      durationS,
      elevationGainM: climb,
    },
  };
}
