import { flushSync, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { mountScreen } from '../testing';

vi.mock('@tauri-apps/api/core', () => ({ invoke: () => new Promise(() => {}) }));
const { default: ExercisesScreen } = await import('./ExercisesScreen.svelte');
const { selection } = await import('../lib/exerciseSelection.svelte');

const open = (id: number) => {
  const shown = mountScreen(ExercisesScreen, id);
  flushSync();
  return shown;
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
