import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { OutcomeView } from '../../lib/bindings';
import { settle } from '../../testing';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
vi.mock('../../lib/loadUplot', () => ({ loadUplot: () => new Promise(() => {}) }));
const { default: OutcomeScores } = await import('./OutcomeScores.svelte');

const lefs = { id: 'lefs', name: 'Lower Extremity Functional Scale (LEFS)', min: 0, max: 80, important_change: 9, default: true, conditions: [], link: 'https://doi.org/10.1093/ptj/79.4.371', src: 'binkley1999' };
const view = (scores: { scored_on: string; score: number }[], extra: Partial<OutcomeView> = {}): OutcomeView => ({
  instrument: lefs, scores: scores.map((s) => ({ instrument: 'lefs', ...s })), due: scores.length === 0, next_due: '2026-12-21', every_days: 14,
  source: 'Binkley JM, et al. Phys Ther 1999.', find_it: 'Ask your physio for it, or find it at https://doi.org/10.1093/ptj/79.4.371.', ...extra,
});

describe('the outcome scores', () => {
  it("links the published questionnaire, keeps only the total and says when the next is due", async () => {
    invoke.mockReset().mockResolvedValueOnce(view([]));
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(OutcomeScores, { target, props: { profileId: 1 } });
    await settle();
    expect(target.textContent).toContain('Every 2 weeks');
    expect(target.textContent).toContain('find it at https://doi.org/10.1093/ptj/79.4.371');
    // Where to get it is the core's sentence (knowledge/return_to_run.toml), shown as sent.
    expect(target.querySelector('[data-testid=outcome-find-it]')?.textContent).toBe(view([]).find_it);
    expect(target.querySelector('[data-testid=outcome-due]')?.textContent).toBe('A score is due now.');
    expect(target.querySelector('[data-testid=outcome-chart]')).toBeNull();
    unmount(app);
  });

  it("shows the core's refusal beside the total and the chart once a score is saved", async () => {
    invoke.mockReset()
      .mockResolvedValueOnce(view([]))
      .mockRejectedValueOnce({ code: 'rtr_score_out_of_range', message: 'a Lower Extremity Functional Scale (LEFS) score must be a whole number from 0 to 80; got 95' })
      .mockResolvedValueOnce(view([{ scored_on: '2026-11-23', score: 48 }, { scored_on: '2026-12-07', score: 60 }], { change: '+12 points since Mon 23 Nov 2026, at least the 9 points that matter to people' }));
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(OutcomeScores, { target, props: { profileId: 1 } });
    await settle();
    const input = target.querySelector('[data-testid=outcome-score]') as HTMLInputElement;
    input.value = '95';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    (target.querySelector('[data-testid=outcome-save]') as HTMLButtonElement).click();
    await settle();
    expect(target.querySelector('[data-testid=outcome-error]')?.textContent).toContain('from 0 to 80');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    input.value = '60';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    (target.querySelector('[data-testid=outcome-save]') as HTMLButtonElement).click();
    await settle();
    expect(invoke).toHaveBeenLastCalledWith('record_outcome_score', expect.objectContaining({ score: expect.objectContaining({ instrument: 'lefs', score: 60 }) }));
    expect(target.querySelector('[data-testid=outcome-error]')).toBeNull();
    expect(target.querySelector('[data-testid=outcome-chart]')).not.toBeNull();
    expect(target.querySelector('[data-testid=outcome-change]')?.textContent).toContain('+12 points');
    expect(target.querySelector('[data-testid=outcome-due]')?.textContent).toContain('Next score due Mon 21 Dec 2026');
    unmount(app);
  });
});
