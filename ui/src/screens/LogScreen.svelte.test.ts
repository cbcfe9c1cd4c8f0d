import { flushSync, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { mountScreen, settle } from '../testing';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
// The charts are not what is tested here (jsdom has no canvas): they stay "loading".
vi.mock('../lib/loadUplot', () => ({ loadUplot: () => new Promise(() => {}) }));
const { default: LogScreen } = await import('./LogScreen.svelte');

const entry = { id: 4, recorded_at: '2026-11-20T08:00:00+00:00', score: 3, moment: 'on waking', side: null, notes: '' };
const load = { runs: 0, distance_km: 0, duration_min: 0, elevation_gain_m: 0, other_sessions: 0 };
const pain_monitoring = { verdict: 'not_enough_data', sentences: ['No scores tied to a run this week.'], runs: [], morning_mean: null,
  previous_morning_mean: null, source: 'Silbernagel KG et al. 2007' };

const reviewOf = (week: string) => ({
  week, starts_on: '2026-11-16', ends_on: '2026-11-22', key_moment: null, pain: null, previous_pain: null,
  change: null, advice: { verdict: 'baseline', parameter: null, headline: '', detail: '', next_week_distance_km: null },
  load, previous_load: load, warnings: [], not_judged: [], when_to_seek_care: '', pain_monitoring,
});

describe('the log screen', () => {
  it('reviews the new week once the window is looked at again after midnight on Sunday', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 22, 23, 50)); // Sunday 22 November 2026, local time: week 47
    invoke.mockReset();
    invoke.mockImplementation((cmd: string, args: { week?: string }) => {
      if (cmd === 'weekly_review') return Promise.resolve(reviewOf(args.week ?? ''));
      if (cmd === 'list_pain_entries') return Promise.resolve([entry]);
      if (cmd === 'exercise_library') return Promise.resolve({ exercises: [], conditions: [] });
      if (cmd === 'outcome_scores') return new Promise(() => {});
      return Promise.resolve([]);
    });
    const asked = () => invoke.mock.calls.filter(([cmd]) => cmd === 'weekly_review').map(([, a]) => a.week);
    const { app } = mountScreen(LogScreen);
    await settle();
    expect(asked().at(-1)).toBe('2026-W47');
    vi.setSystemTime(new Date(2026, 10, 23, 7, 30)); // Monday morning: week 48
    window.dispatchEvent(new Event('focus'));
    await settle();
    expect(asked().at(-1)).toBe('2026-W48');
    unmount(app);
    vi.useRealTimers();
  });

  it("says why a delete failed, even though the log is read again after it", async () => {
    invoke.mockImplementation((cmd: string) => {
      if (cmd === 'list_pain_entries') return Promise.resolve([entry]);
      if (cmd === 'delete_pain_entry') return Promise.reject({ code: 'store', message: 'The log could not be changed: disk full.' });
      if (cmd === 'weekly_review')
        return Promise.resolve({
          week: '2026-W47', starts_on: '2026-11-16', ends_on: '2026-11-22', key_moment: null, pain: null, previous_pain: null,
          change: null, advice: { verdict: 'baseline', parameter: null, headline: '', detail: '', next_week_distance_km: null },
          load, previous_load: load, warnings: [], not_judged: [], when_to_seek_care: '', pain_monitoring,
        });
      if (cmd === 'exercise_library') return Promise.resolve({ exercises: [], conditions: [] });
      if (cmd === 'outcome_scores') return new Promise(() => {});
      return Promise.resolve([]);
    });
    const { target, app } = mountScreen(LogScreen);
    await settle();
    (target.querySelector('[data-testid=delete-entry]') as HTMLButtonElement).click();
    await settle();
    (target.querySelector('[data-testid=confirm-delete-entry]') as HTMLButtonElement).click();
    await settle();
    await settle();
    flushSync();
    expect([...target.querySelectorAll('[role=alert]')].map((e) => e.textContent)).toContain('The log could not be changed: disk full.');
    unmount(app);
  });
});
