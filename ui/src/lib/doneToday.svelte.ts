// Which exercises the person marked "Done today", shared by the exercise and the plan's cards so
// the tick is there again wherever the runner looks next. Local days, as the log stores them.
// It outlives the screens (a module store), so it belongs to one profile at a time: only the
// answer to the latest load counts, so a slow reply for the profile left behind never ticks
// another person's cards.
import { call } from './api';
import type { ExerciseCompletion } from './bindings';
import { localDate } from './dates';

/** The ids of the exercises done on `day` (YYYY-MM-DD). */
export function doneOn(completions: ExerciseCompletion[], day: string): Set<string> {
  return new Set(completions.filter((c) => c.done_on === day).map((c) => c.exercise_id));
}

let ids = $state(new Set<string>());
let loads = 0;
// Marked done while a load was on its way: its answer may have been read before the save.
let marked = new Set<string>();

export const doneToday = {
  has(id: string): boolean {
    return ids.has(id);
  },
  /** Reads today's completions for the profile; until then (or on an error) nothing is ticked. */
  async load(profileId: number): Promise<void> {
    const mine = ++loads;
    ids = new Set();
    marked = new Set();
    const read = doneOn(await call('list_exercise_completions', { profileId }), localDate());
    if (mine === loads) ids = new Set([...read, ...marked]);
  },
  /** Records what the exercise screen just saved. */
  add(id: string): void {
    marked.add(id);
    ids = new Set([...ids, id]);
  },
};
