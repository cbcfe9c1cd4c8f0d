import { flushSync, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { mountScreen, settle } from '../testing';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
const { default: PlanScreen } = await import('./PlanScreen.svelte');
const { checkChoice } = await import('../lib/checkChoice.svelte');
const { default: urgentPlan } = await import('./fixtures/urgent-plan.json');
// jsdom has no media queries; the exercise pictures follow the theme through one.
window.matchMedia ??= (() => ({ matches: false, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;

/** The core as the plan screen's tests need it: these commands' replies, an empty exercise
 * library, no return to running, and an empty list for anything else. */
function fakeCore(replies: Record<string, () => Promise<unknown>>) {
  invoke.mockImplementation((cmd: string) => {
    if (cmd in replies) return replies[cmd]();
    if (cmd === 'exercise_library') return Promise.resolve({ exercises: [], conditions: [] });
    if (cmd === 'return_to_run') return Promise.resolve(null);
    return Promise.resolve([]);
  });
}


describe('the plan screen', () => {
  it("shows the latest plan once asked for it, even if the chosen check's plan answers later", async () => {
    let answerChosen!: (reason: unknown) => void;
    fakeCore({
      check_plan: () => new Promise((_, reject) => (answerChosen = reject)),
      latest_plan: () => Promise.resolve(null),
    });
    checkChoice.choose(1, 5);
    const { target, app } = mountScreen(PlanScreen);
    flushSync();
    checkChoice.clear(); // "Show the latest check's plan"
    flushSync();
    await settle();
    expect(target.textContent).toContain('No plan yet');
    answerChosen({ code: 'internal', message: 'the slow reply' });
    await settle();
    flushSync();
    expect(target.querySelector('[data-testid=plan-error]')).toBeNull();
    expect(target.textContent).toContain('No plan yet');
    unmount(app);
  });

  it("says, over an earlier check's plan, when the latest check was urgent", async () => {
    fakeCore({
      check_plan: () => new Promise(() => {}),
      latest_plan: () => Promise.resolve({ check_id: 9, checked_at: '2026-11-21T08:00:00Z', triage: 'urgent', plan: {} }),
    });
    checkChoice.choose(1, 5);
    const { target, app } = mountScreen(PlanScreen);
    flushSync();
    await settle();
    const alarm = target.querySelector('[data-testid=plan-latest-alarm]');
    expect(alarm?.textContent).toContain('Urgent: see a doctor today');
    expect(alarm?.getAttribute('role')).toBe('alert');
    checkChoice.clear(); // the header's "Show the latest check's plan"
    flushSync();
    expect(target.querySelector('[data-testid=plan-latest-alarm]')).toBeNull();
    unmount(app);
  });

  it("keeps an urgent latest check in sight while the recurrence protocol is open, which leads with its Today card", async () => {
    const tweak = { ...urgentPlan, title: 'Calf keeps coming back?', triage: 'self_care' };
    const today = { date: '2026-12-07', run: 'no', headline: "Don't run today: give the calf 2-3 days.", why: ['Stop, and take a breath.'], until: 'Until the calf feels normal in daily life.' };
    fakeCore({
      latest_plan: () => Promise.resolve({ check_id: 9, checked_at: '2026-11-21T08:00:00Z', triage: 'urgent', plan: urgentPlan }),
      tweak_plan: () => Promise.resolve(tweak),
      tweak_today: () => Promise.resolve(today),
    });
    checkChoice.clear();
    const { target, app } = mountScreen(PlanScreen);
    await settle();
    flushSync();
    expect(target.querySelector('[data-testid=plan-latest-alarm]')).toBeNull(); // the urgent plan itself is shown
    (target.querySelector('[data-testid=plan-tweak]') as HTMLButtonElement).click();
    await settle();
    flushSync();
    expect(target.querySelector('[data-testid=tweak-title]')).not.toBeNull();
    expect(target.querySelector('[data-testid=plan-latest-alarm]')?.textContent).toContain('Urgent: see a doctor today');
    // One answer about running, as every plan gives, before the protocol's sections.
    const card = target.querySelector('[data-testid=plan-today]')!;
    expect(card.getAttribute('data-run')).toBe('no');
    expect(card.textContent).toContain("Don't run today: give the calf 2-3 days.");
    expect(card.compareDocumentPosition(target.querySelector('.section, details')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    unmount(app);
  });
});
