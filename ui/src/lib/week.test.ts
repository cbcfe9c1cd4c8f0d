import { describe, expect, it } from 'vitest';
import type { CalendarDay, CalendarExercise } from './bindings';
import { canTick, dayLabel, phaseChanges, sessionsWord } from './week';

const ex = (over: Partial<CalendarExercise> = {}): CalendarExercise => ({
  id: 'glute_bridge', name: 'Glute bridge', dose: '3 sets x 12 reps', sessions: 1, sets: 3, daily: false, planned: true, done: false, ...over,
});
const day = (date: string, over: Partial<CalendarDay> = {}): CalendarDay => ({ date, today: false, injury: false, runs: [], exercises: [], rest: true, ...over });

describe('the week calendar wording', () => {
  it('labels a date with its weekday and day of the month, whatever the time zone', () => {
    expect(dayLabel('2026-11-16')).toEqual({ weekday: 'Mon', date: '16 Nov' });
    expect(dayLabel('2026-11-22')).toEqual({ weekday: 'Sun', date: '22 Nov' });
    expect(dayLabel('2027-01-01')).toEqual({ weekday: 'Fri', date: '1 Jan' });
  });

  it('lets today and past days be ticked, not days ahead or exercises already done', () => {
    expect(canTick(day('2026-11-19'), ex(), '2026-11-19')).toBe(true);
    expect(canTick(day('2026-11-16'), ex(), '2026-11-19')).toBe(true);
    expect(canTick(day('2026-11-20'), ex(), '2026-11-19')).toBe(false);
    expect(canTick(day('2026-11-19'), ex({ done: true }), '2026-11-19')).toBe(false);
  });

  it('says twice a day, and nothing for once', () => {
    expect(sessionsWord(ex())).toBeNull();
    expect(sessionsWord(ex({ sessions: 2 }))).toBe('twice');
  });

  it('lists each phase once, from the first day it shows', () => {
    const days = [day('2026-11-16'), day('2026-11-17', { phase: 'Offload (weeks 0-2)' }), day('2026-11-18', { phase: 'Offload (weeks 0-2)' }), day('2026-11-23', { phase: 'Hip stability (weeks 2-6)' })];
    expect(phaseChanges(days)).toEqual([
      { phase: 'Offload (weeks 0-2)', from: '2026-11-17' },
      { phase: 'Hip stability (weeks 2-6)', from: '2026-11-23' },
    ]);
  });
});
