import { mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { settle } from './testing';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
window.matchMedia ??= (() => ({ matches: false, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;
const { default: App } = await import('./App.svelte');
const { opening } = await import('./lib/start');
const { default: urgentPlan } = await import('./screens/fixtures/urgent-plan.json');
// The screens' chunks, compiled once here rather than inside a test's time limit.
const { loadScreen } = await import('./lib/screens');
await Promise.all([loadScreen('check'), loadScreen('plan'), loadScreen('exercises'), loadScreen('log')]);

const calls = (cmd: string) => invoke.mock.calls.filter((c) => c[0] === cmd).length;
const ana = { id: 1, name: 'Ana', created_at: '2026-11-01T08:00:00Z' };

/** The core's replies for Ana's record, opened at start-up, with `plan` as her latest plan. */
function reply(cmd: string, plan: unknown): Promise<unknown> {
  if (cmd === 'start') return Promise.resolve({ settings: { units: 'km', theme: 'system' }, profiles: [ana], active: ana, open_record: true, checks: [] });
  if (cmd === 'check_questions') return Promise.resolve({ questions: [] });
  if (cmd === 'latest_plan') return Promise.resolve(plan);
  if (cmd === 'exercise_library') return Promise.resolve({ exercises: [], conditions: [] });
  if (cmd === 'crash_log') return Promise.resolve(null);
  // The Plan screen's panels of a plan with no saved check: nothing to lay out or measure.
  if (cmd === 'return_to_run' || cmd === 'week_plan' || cmd === 'missed_next_morning') return Promise.resolve(null);
  return Promise.resolve([]);
}

describe('tabs kept alive', () => {
  it('shows a revisited tab as it was left, out of the document meanwhile, and takes what changed since', async () => {
    let plan: unknown = null;
    invoke.mockReset();
    invoke.mockImplementation((cmd: string) => reply(cmd, plan));
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(App, { target, props: { opening: await opening() } });
    await settle();
    // The first screen is drawn from what was read at start-up: no second trip for the checks.
    expect(target.querySelector('[data-testid=screen-check]')).not.toBeNull();
    expect(calls('list_checks')).toBe(0);
    const checkScreen = target.querySelector('.kept-screen')!;

    (target.querySelector('[data-testid=tab-plan]') as HTMLButtonElement).click();
    await settle();
    const empty = target.querySelector('[data-testid=plan-start-check]')!;
    const planScreen = empty.closest('.kept-screen')!;
    expect(calls('latest_plan')).toBe(1);
    expect(checkScreen.isConnected).toBe(false);

    (target.querySelector('[data-testid=tab-check]') as HTMLButtonElement).click();
    await settle();
    expect(planScreen.isConnected).toBe(false);
    expect(target.querySelector('[data-testid=plan-start-check]')).toBeNull();
    expect(checkScreen.isConnected).toBe(true);

    // Back to the plan: the same screen, and as nothing changed, the very same elements.
    (target.querySelector('[data-testid=tab-plan]') as HTMLButtonElement).click();
    await settle();
    expect(planScreen.isConnected).toBe(true);
    expect(calls('latest_plan')).toBe(2);
    expect(target.querySelector('[data-testid=plan-start-check]')).toBe(empty);

    // A check saved meanwhile (here, by the command line): the revisit shows its plan.
    (target.querySelector('[data-testid=tab-check]') as HTMLButtonElement).click();
    await settle();
    plan = { check_id: 9, checked_at: '2026-11-21T08:00:00Z', triage: 'urgent', plan: urgentPlan };
    (target.querySelector('[data-testid=tab-plan]') as HTMLButtonElement).click();
    await settle();
    expect(calls('latest_plan')).toBe(3);
    expect(target.querySelector('[data-testid=plan-start-check]')).toBeNull();
    expect(target.querySelector('[data-testid=plan-title]')).not.toBeNull();
    expect(target.querySelector('[data-testid=screen-plan] .kept-screen')).toBe(planScreen);
    unmount(app);
  });

  it('reads and builds the other tabs out of sight, so a first visit shows them without waiting for the core', async () => {
    let answering = true;
    invoke.mockReset();
    // Once the tabs are prepared the core stops answering: a screen that still had to read its
    // data at the first visit would say "Loading" for ever.
    invoke.mockImplementation((cmd: string) => (answering || cmd === 'start' || cmd === 'check_questions' ? reply(cmd, null) : new Promise(() => {})));
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(App, { target, props: { opening: await opening() } });
    await settle();
    expect(calls('latest_plan')).toBe(0);

    await app.prepareTabs();
    await settle();
    // Read while the Check tab is on screen, and nothing of them in the document yet.
    expect(calls('latest_plan')).toBe(1);
    expect(calls('list_pain_entries')).toBe(1);
    expect(target.querySelector('[data-testid=screen-check]')).not.toBeNull();
    expect(target.querySelector('[data-testid=plan-start-check]')).toBeNull();

    answering = false;
    (target.querySelector('[data-testid=tab-plan]') as HTMLButtonElement).click();
    await settle();
    expect(target.querySelector('[data-testid=plan-start-check]')).not.toBeNull();
    expect(target.textContent).not.toContain('Loading your plan');
    (target.querySelector('[data-testid=tab-exercises]') as HTMLButtonElement).click();
    await settle();
    expect(target.querySelector('[data-testid=exercise-none], [data-testid=exercise-list]')).not.toBeNull();
    expect(target.textContent).not.toContain('Loading the exercises');
    unmount(app);
  });
});
