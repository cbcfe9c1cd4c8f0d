import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { deferred, settle } from '../../testing';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
const { default: WeeklyReview } = await import('./WeeklyReview.svelte');

const load = { runs: 0, distance_km: 0, duration_min: 0, elevation_gain_m: 0, other_sessions: 0 };
const review = (week: string, headline: string) => ({
  week, starts_on: '2026-11-16', ends_on: '2026-11-22', key_moment: null, pain: null, previous_pain: null, change: null,
  advice: { verdict: 'hold', parameter: null, headline, detail: '', next_week_distance_km: null },
  load, previous_load: load, warnings: [], not_judged: [], when_to_seek_care: 'See someone if it gets worse.',
  pain_monitoring: { verdict: 'not_enough_data', sentences: ['No scores tied to a run this week.'], runs: [], morning_mean: null,
    previous_morning_mean: null, source: 'Silbernagel KG et al. 2007' },
});

describe('the weekly review', () => {
  it('shows the reply to the latest change of the log, not a slower earlier one', async () => {
    const before = deferred<unknown>();
    const after = deferred<unknown>();
    invoke.mockReturnValueOnce(before.promise).mockReturnValueOnce(after.promise);
    const target = document.createElement('div');
    document.body.append(target);
    const props = $state({ profileId: 1, units: 'km' as const, today: '2026-11-21', version: 1 });
    const app = mount(WeeklyReview, { target, props });
    flushSync();
    props.version = 2; // a score was just logged: the review is read again
    flushSync();
    after.resolve(review('2026-W47', 'With the new score'));
    await settle();
    before.resolve(review('2026-W47', 'Before the new score'));
    await settle();
    expect(target.querySelector('[data-testid=review-verdict]')?.textContent).toContain('With the new score');
    unmount(app);
  });

  it("does not show this week's verdict under last week's title while last week is read", async () => {
    const last = deferred<unknown>();
    invoke.mockResolvedValueOnce(review('2026-W47', 'This week')).mockReturnValueOnce(last.promise);
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(WeeklyReview, { target, props: { profileId: 1, units: 'km', today: '2026-11-21', version: 1 } });
    await settle();
    flushSync();
    expect(target.querySelector('[data-testid=review-verdict]')?.textContent).toContain('This week');
    (target.querySelector('[data-testid=review-prev]') as HTMLButtonElement).click();
    flushSync();
    expect(target.querySelector('h2')?.textContent).toBe('Last week');
    expect(target.querySelector('[data-testid=review-verdict]')).toBeNull();
    last.resolve(review('2026-W46', 'Last week'));
    await settle();
    expect(target.querySelector('[data-testid=review-verdict]')?.textContent).toContain('Last week');
    unmount(app);
  });
});

describe('a week whose load jumped', () => {
  it('is amber "Ease back", never a green hold, with the jump beside it', async () => {
    const r = review('2026-W47', 'Pain is falling, but your running distance jumped this week: ease back before building again.');
    r.advice.verdict = 'ease_back';
    (r as { warnings: unknown[] }).warnings = [{ kind: 'weekly_distance_jump', percent_over: 50, session_started_at: null, message: 'You ran 15.0 km this week, 50% more than last week.' }];
    invoke.mockResolvedValueOnce(r);
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(WeeklyReview, { target, props: { profileId: 1, units: 'km', today: '2026-11-21', version: 1 } });
    await settle();
    flushSync();
    const verdict = target.querySelector('[data-testid=review-verdict]')!;
    expect(verdict.classList.contains('warn')).toBe(true);
    expect(verdict.classList.contains('good')).toBe(false);
    expect(verdict.textContent).toContain('Ease back');
    expect(target.querySelector('[data-testid=review-warnings]')?.textContent).toContain('50% more');
    unmount(app);
  });
});
