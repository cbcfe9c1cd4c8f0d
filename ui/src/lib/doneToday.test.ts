import { describe, expect, it } from 'vitest';
import { doneOn } from './doneToday.svelte';

describe('done today', () => {
  it('keeps the exercises done on that day only', () => {
    const c = (exercise_id: string, done_on: string) => ({ exercise_id, done_on, sets_done: 3 });
    const done = doneOn([c('heel_slides', '2026-11-21'), c('glute_bridge', '2026-11-20'), c('heel_slides', '2026-11-20')], '2026-11-21');
    expect([...done]).toEqual(['heel_slides']);
    expect(doneOn([], '2026-11-21').size).toBe(0);
  });
});
