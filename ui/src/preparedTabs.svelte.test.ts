import { mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { settle } from './testing';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
window.matchMedia ??= (() => ({ matches: false, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;
const { default: App } = await import('./App.svelte');
const { opening } = await import('./lib/start');
// The screens' chunks, compiled once here rather than inside a test's time limit.
const { loadEveryScreen, loadScreen } = await import('./lib/screens');
loadEveryScreen();
await Promise.all([loadScreen('check'), loadScreen('plan'), loadScreen('exercises'), loadScreen('log')]);

const calls = (cmd: string) => invoke.mock.calls.filter((c) => c[0] === cmd).length;

describe('tabs prepared after the first screen', () => {
  it('reads and builds the other tabs out of sight, so a first visit shows them without waiting for the core', async () => {
    const ana = { id: 1, name: 'Ana', created_at: '2026-11-01T08:00:00Z' };
    let answering = true;
    invoke.mockReset();
    invoke.mockImplementation((cmd: string) => {
      if (cmd === 'start') return Promise.resolve({ settings: { units: 'km', theme: 'system' }, profiles: [ana], active: ana, open_record: true, checks: [] });
      if (cmd === 'check_questions') return Promise.resolve({ questions: [] });
      // Once the tabs are prepared the core stops answering: a screen that still had to read
      // its data at the first visit would say "Loading" for ever.
      if (!answering) return new Promise(() => {});
      if (cmd === 'latest_plan') return Promise.resolve(null);
      if (cmd === 'exercise_library') return Promise.resolve({ exercises: [], conditions: [] });
      if (cmd === 'crash_log') return Promise.resolve(null);
      if (cmd === 'return_to_run' || cmd === 'week_plan' || cmd === 'missed_next_morning') return Promise.resolve(null);
      return Promise.resolve([]);
    });
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
