import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: () => new Promise(() => {}) }));
const { default: ExercisesScreen } = await import('./ExercisesScreen.svelte');
const { selection } = await import('../lib/exerciseSelection.svelte');

const open = (id: number) => {
  const target = document.createElement('div');
  document.body.append(target);
  const app = mount(ExercisesScreen, {
    target,
    props: { profile: { id, name: `P${id}`, created_at: '2026-11-01T08:00:00Z' }, settings: { units: 'km', theme: 'system' }, onnavigate: () => {} },
  });
  flushSync();
  return { target, app };
};

describe('the exercises screen', () => {
  it("opens at the library for another profile, not at the exercise the last one opened from their plan", () => {
    selection.openFromPlan(1, 'glute_bridge'); // from profile 1's plan
    const mine = open(1);
    expect(mine.target.querySelector('[data-testid=exercise-detail]')).not.toBeNull();
    unmount(mine.app);
    const theirs = open(2); // the profile was switched on the Exercises tab
    expect(theirs.target.querySelector('[data-testid=exercise-detail]')).toBeNull();
    expect(selection.backToPlan).toBe(false);
    unmount(theirs.app);
  });
});
