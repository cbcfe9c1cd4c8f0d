import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Benchmark, Figures } from '../../lib/bindings';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
const { default: AccuracyLink } = await import('./AccuracyLink.svelte');
const { deferred, settle } = await import('../../testing');

function figures(over: Partial<Figures> = {}): Figures {
  return {
    cases: 50, top1: 42, top3: 47, triage_exact: 40, safe: 49, under_emergency: [], under_urgent: [], sent_to_self_care: [],
    over_triage: 3, self_care_cases: 12, self_care_sent_urgent: 0, median_questions: null, ...over,
  };
}

const BENCHMARK: Benchmark = {
  max_questions: 40,
  sets: [
    {
      set: { file: 'a.jsonl', title: 'Textbook vignettes', cases: 50, what: 'Short presentations from textbooks.', sources: 'Brukner and Khan.', tuned_on: true, history: 'Written in November.' },
      full_case: figures(),
      interview: figures({ top1: 40, median_questions: 14, under_urgent: ['v-1'] }),
      runner: figures({ top1: 38, median_questions: 12, under_emergency: ['v-2', 'v-3'], under_urgent: ['v-1'] }),
    },
    {
      set: { file: 'b.jsonl', title: 'Held-out reports', cases: 50, what: 'Blind case reports.', sources: 'Case reports.', tuned_on: false, history: 'Kept apart.' },
      full_case: figures({ under_emergency: ['f-1'] }),
      interview: figures({ median_questions: 20 }),
      runner: figures({ median_questions: 18 }),
    },
  ],
};

function open() {
  const target = document.createElement('div');
  document.body.append(target);
  const app = mount(AccuracyLink, { target });
  flushSync();
  (target.querySelector('[data-testid=accuracy-open]') as HTMLButtonElement).click();
  flushSync();
  return { target, app };
}

describe('how accurate is this?', () => {
  it('says it is working the figures out, then shows each set with what it is and its figures', async () => {
    const reply = deferred<Benchmark>();
    invoke.mockReset().mockImplementation(() => reply.promise);
    const { target, app } = open();
    expect(invoke).toHaveBeenCalledWith('accuracy_figures', {});
    expect(target.querySelector('[data-testid=accuracy-loading]')?.textContent).toContain('Working out the figures');
    expect(target.querySelector('[data-testid=care-notice]')).not.toBeNull();
    reply.resolve(BENCHMARK);
    await settle();
    expect(target.querySelector('[data-testid=accuracy-loading]')).toBeNull();
    const sets = [...target.querySelectorAll('[data-testid=accuracy-set]')];
    expect(sets.map((s) => s.querySelector('h2')?.textContent)).toEqual(['Textbook vignettes', 'Held-out reports']);
    const text = target.textContent ?? '';
    for (const word of ['Top-1', 'Top-3', 'Triage', 'Interview', 'runner alone', 'Not a diagnosis']) expect(text).toContain(word);
    expect(sets[0].textContent).toContain('Short presentations from textbooks.');
    expect(sets[0].textContent).toContain('flatter');
    expect(sets[1].textContent).toContain('kept apart');
    // Top-1, top-3, triage, under-triaged, median questions: 42 of 50 is 84%; the misses are named below.
    const row = (set: Element, way: string) => [...set.querySelectorAll(`[data-testid=accuracy-row-${way}] td`)].map((td) => td.textContent?.trim());
    expect(row(sets[0], 'full_case')).toEqual(['84%', '94%', '80%', '0', '–']);
    expect(row(sets[0], 'interview')).toEqual(['80%', '94%', '80%', '1', '14']);
    expect(row(sets[0], 'runner')).toEqual(['76%', '94%', '80%', '3', '12']);
    const under = [...sets[0].querySelectorAll('[data-testid=accuracy-under] li')].map((li) => li.textContent);
    expect(under[0]).toContain('Whole case');
    expect(under[0]).toContain('none');
    expect(under[2]).toContain('2 emergencies and 1 urgent case');
    const said = sets[1].querySelector('[data-testid=accuracy-summary]')?.textContent;
    expect(said).toContain('1 emergency or urgent case was given less urgent advice');
    expect(said).toContain('more urgent care than expected in 3 cases, and sent 0 of the 12 self-care cases to urgent or emergency care');
    unmount(app);
  });

  it('says plainly when the figures cannot be worked out', async () => {
    invoke.mockReset().mockRejectedValue({ code: 'case_set_unreadable', message: 'case set x.jsonl: line 3: bad' });
    const { target, app } = open();
    await settle();
    expect(target.querySelector('[data-testid=accuracy-error]')?.textContent).toContain('line 3: bad');
    unmount(app);
  });

  it('goes back to the result, focus on the link, and drops a reply that comes after', async () => {
    const reply = deferred<Benchmark>();
    invoke.mockReset().mockImplementation(() => reply.promise);
    const { target, app } = open();
    (target.querySelector('[data-testid=accuracy-back]') as HTMLButtonElement).click();
    await settle();
    expect(target.querySelector('[data-testid=accuracy-page]')).toBeNull();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('accuracy-open');
    reply.resolve(BENCHMARK);
    await settle();
    expect(target.querySelector('[data-testid=accuracy-set]')).toBeNull();
    unmount(app);
  });
});
