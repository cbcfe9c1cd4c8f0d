import { describe, expect, it, vi } from 'vitest';
import { deferred } from '../testing';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { doneOn, doneToday } = await import('./doneToday.svelte');
const { localDate } = await import('./dates');

const c = (exercise_id: string, done_on: string) => ({ exercise_id, done_on, sets_done: 3 });


describe('done today', () => {
  it('keeps the exercises done on that day only', () => {
    const done = doneOn([c('heel_slides', '2026-11-21'), c('glute_bridge', '2026-11-20'), c('heel_slides', '2026-11-20')], '2026-11-21');
    expect([...done]).toEqual(['heel_slides']);
    expect(doneOn([], '2026-11-21').size).toBe(0);
  });

  it("never shows the ticks of a profile left behind when its reply comes last", async () => {
    const ana = deferred<unknown>();
    const ben = deferred<unknown>();
    invoke.mockReturnValueOnce(ana.promise).mockReturnValueOnce(ben.promise);
    const first = doneToday.load(1);
    const second = doneToday.load(2);
    ben.resolve([c('glute_bridge', localDate())]);
    await second;
    ana.resolve([c('heel_slides', localDate())]);
    await first;
    expect(doneToday.has('glute_bridge')).toBe(true);
    expect(doneToday.has('heel_slides')).toBe(false);
  });

  it('keeps an exercise marked done while the list was being read', async () => {
    const list = deferred<unknown>();
    invoke.mockReturnValueOnce(list.promise);
    const loading = doneToday.load(1);
    doneToday.add('calf_raise');
    list.resolve([]);
    await loading;
    expect(doneToday.has('calf_raise')).toBe(true);
  });
});
