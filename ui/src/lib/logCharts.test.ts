import { describe, expect, it } from 'vitest';
import type { PainEntry, Session, WeekTotals } from './bindings';
import { history, loadSeries, loadSummary, NOT_SAID, OTHER_MOMENTS, painSeries, painSummary } from './logCharts';

let id = 0;
const pain = (at: string, score: number, moment = '1 h after run'): PainEntry => ({
  id: ++id, recorded_at: at, score, moment, side: null, notes: '', run_id: null, run_moment: null, site: null,
});
const run = (at: string, km: number, sport: Session['sport'] = 'running'): Session => ({
  id: ++id, started_at: at, sport, distance_m: km * 1000, duration_s: null, elevation_gain_m: null,
  source_file: null, fingerprint: at,
});

const today = '2026-11-21'; // a Saturday in 2026-W47

describe('pain chart', () => {
  it('has one x per day of the last weeks, a series per key moment and the 7-day trend', () => {
    const entries = [
      pain('2026-11-17T19:00:00+01:00', 6),
      pain('2026-11-17T20:00:00+01:00', 4), // same day, same moment: averaged
      pain('2026-11-19T08:00:00+01:00', 2, 'Next morning'),
      pain('2026-09-01T08:00:00+01:00', 9), // before the window
    ];
    const s = painSeries(entries, today, 2);
    expect(s.days[0]).toBe('2026-11-09');
    expect(s.days.at(-1)).toBe(today);
    expect(s.x).toHaveLength(13);
    expect(s.count).toBe(3);
    expect(s.moments.map((m) => m.label)).toEqual(['1 h after run', 'Next morning']);
    const day = (d: string) => s.days.indexOf(d);
    expect(s.moments[0].values[day('2026-11-17')]).toBe(5);
    expect(s.moments[0].values[day('2026-11-18')]).toBeNull();
    expect(s.moments[1].values[day('2026-11-19')]).toBe(2);
    expect(s.trend[day('2026-11-16')]).toBeNull();
    expect(s.trend[day('2026-11-19')]).toBe(4); // (6 + 4 + 2) / 3
  });

  it('draws the three most used moments and gathers the rest', () => {
    const entries = ['a', 'a', 'a', 'b', 'b', 'c', ''].map((m, i) => pain(`2026-11-1${i}T08:00:00Z`, 3, m));
    expect(painSeries(entries, today).moments.map((m) => m.label)).toEqual(['a', 'b', OTHER_MOMENTS]);
    const three = ['a', 'b', ''].map((m, i) => pain(`2026-11-1${i}T08:00:00Z`, 3, m));
    expect(painSeries(three, today).moments.map((m) => m.label)).toContain(NOT_SAID);
  });

  it('says in words where the pain stands against the 3/10 line', () => {
    expect(painSummary([], today)).toBe('No pain scores in the last 8 weeks.');
    const text = painSummary([pain('2026-11-10T19:00:00+01:00', 6), pain('2026-11-20T19:00:00+01:00', 3)], today);
    expect(text).toBe(
      '2 pain scores in the last 8 weeks. First 6/10 on 10 Nov, latest 3/10 on 20 Nov. ' +
        'The average of the last 7 days is 3/10, at or below the 3/10 line where a gradual return begins.',
    );
  });
});

describe('load chart', () => {
  it("draws the core's weekly totals as they come, and sums nothing itself", () => {
    // The sums themselves are the core's (src/log/weekly_totals.rs tests the same weeks).
    const weeks: WeekTotals[] = [
      { week: '2026-W45', starts_on: '2026-11-02', distance: 0, pain: null, runs: 0 },
      { week: '2026-W46', starts_on: '2026-11-09', distance: 18, pain: 5.5, runs: 2 },
      { week: '2026-W47', starts_on: '2026-11-16', distance: 5, pain: null, runs: 1 },
    ];
    const km = loadSeries(weeks);
    expect(km.mondays).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(km.labels).toEqual(['2 Nov', '9 Nov', '16 Nov']);
    expect(km.distance).toEqual([0, 18, 5]);
    expect(km.pain).toEqual([null, 5.5, null]);
    expect(loadSummary(km, 'km')).toBe(
      'Running distance per week over the last 3 weeks: most 18 km in the week of 9 Nov, this week 5 km. No pain score this week.',
    );
    expect(loadSummary(loadSeries(weeks.map((w) => ({ ...w, distance: 0 }))), 'km')).toBe('No runs with a distance in the last 3 weeks.');
  });
});

describe('history', () => {
  it('lists scores and sessions together, newest first, by instant', () => {
    const a = pain('2026-11-20T19:00:00+01:00', 4); // 18:00 UTC
    const b = run('2026-11-20T13:30:00-05:00', 8); // 18:30 UTC
    const c = pain('2026-11-19T08:00:00+01:00', 5);
    expect(history([c, a], [b]).map((i) => i.kind)).toEqual(['session', 'pain', 'pain']);
    expect(history([c, a], [b])[2]).toMatchObject({ kind: 'pain', entry: c });
  });

  it('puts an exercise done on a day above that day\'s timed entries, below the next day\'s', () => {
    const done = { exercise_id: 'heel_slides', done_on: '2026-11-20', sets_done: 2 };
    const next = pain('2026-11-21T07:00:00', 3);
    const same = pain('2026-11-20T21:00:00', 4);
    expect(history([same, next], [], [done]).map((i) => i.kind)).toEqual(['pain', 'exercise', 'pain']);
    expect(history([same, next], [], [done])[1]).toMatchObject({ kind: 'exercise', done });
  });
});
