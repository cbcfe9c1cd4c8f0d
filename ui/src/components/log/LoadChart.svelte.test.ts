import { mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { WeekTotals } from '../../lib/bindings';
import { settle } from '../../testing';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
// jsdom has no canvas: the chart stays "loading"; its summary is what is read here.
vi.mock('../../lib/loadUplot', () => ({ loadUplot: () => new Promise(() => {}) }));
const { default: LoadChart } = await import('./LoadChart.svelte');

describe('the load chart', () => {
  it("draws the core's weeks (the report's aggregation), not sums of its own", async () => {
    const weeks: WeekTotals[] = [
      { week: '2026-W46', starts_on: '2026-11-09', distance: 18, pain: 5.5, runs: 2 },
      { week: '2026-W47', starts_on: '2026-11-16', distance: 5, pain: 2, runs: 1 },
    ];
    invoke.mockReset().mockResolvedValue(weeks);
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(LoadChart, { target, props: { profileId: 3, units: 'km', today: '2026-11-21' } });
    await settle();
    expect(invoke).toHaveBeenCalledWith('weekly_totals', { profileId: 3, weeks: 8 });
    const summary = target.querySelector('[data-testid=load-chart-summary]')?.textContent;
    expect(summary).toBe('Running distance per week over the last 2 weeks: most 18 km in the week of 9 Nov, this week 5 km. Average pain this week 2/10.');
    unmount(app);
  });

  it('says why the weeks could not be read', async () => {
    invoke.mockReset().mockRejectedValue({ code: 'store', message: 'The log could not be read.' });
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(LoadChart, { target, props: { profileId: 3, units: 'km', today: '2026-11-21' } });
    await settle();
    expect(target.querySelector('[role=alert]')?.textContent).toBe('The log could not be read.');
    unmount(app);
  });
});
