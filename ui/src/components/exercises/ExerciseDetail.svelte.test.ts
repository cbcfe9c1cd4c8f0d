import { mount, tick, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
// jsdom has no media queries; the illustrations follow the theme through one.
window.matchMedia ??= (() => ({ addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;
const { default: ExerciseDetail } = await import('./ExerciseDetail.svelte');

const view = {
  exercise: {
    id: 'calf_raise', name: 'Calf raise', goal: 'Strength', prescription: { sets: 3, reps: 10, per_side: false, rest_seconds: 60, times_per_week: 3 },
    not_for: [], cautions: [], steps: ['Rise'], form_tips: [], muscles: ['calf'], equipment: [], source: 'Alfredson',
  },
  phase_label: 'Strength', dose: '3 x 10', svg: '<svg viewBox="0 0 10 10"></svg>', condition_names: [],
};
const settle = async () => {
  await new Promise((r) => setTimeout(r, 0));
  await tick();
};

describe('an exercise', () => {
  it('keeps the keyboard on what Done today became', async () => {
    invoke.mockImplementation((cmd: string) =>
      Promise.resolve(cmd === 'get_exercise' ? view : cmd === 'list_exercise_completions' ? [] : null));
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(ExerciseDetail, { target, props: { id: 'calf_raise', profileId: 1, backLabel: 'Back', onback: () => {}, onopen: () => {} } });
    await settle();
    const done = target.querySelector('[data-testid=exercise-mark-done]') as HTMLButtonElement;
    done.focus();
    done.click();
    await settle();
    expect(target.querySelector('[data-testid=exercise-done]')).not.toBeNull();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('exercise-done');
    unmount(app);
  });
});
