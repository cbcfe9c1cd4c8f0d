// Which exercises the person marked "Done today", shared by the exercise and the plan's cards so
// the tick is there again wherever the runner looks next. Local days, as the log stores them.
import { call } from './api';
import type { ExerciseCompletion } from './bindings';
import { localDay } from './exercises';

/** The ids of the exercises done on `day` (YYYY-MM-DD). */
export function doneOn(completions: ExerciseCompletion[], day: string): Set<string> {
  return new Set(completions.filter((c) => c.done_on === day).map((c) => c.exercise_id));
}

let ids = $state(new Set<string>());

export const doneToday = {
  has(id: string): boolean {
    return ids.has(id);
  },
  /** Reads today's completions for the profile; until then (or on an error) nothing is ticked. */
  async load(profileId: number): Promise<void> {
    ids = new Set();
    ids = doneOn(await call('list_exercise_completions', { profileId }), localDay());
  },
  /** Records what the exercise screen just saved. */
  add(id: string): void {
    ids = new Set([...ids, id]);
  },
};
