import { mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { settle } from '../../testing';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
// jsdom has no media queries; the illustrations follow the theme through one.
window.matchMedia ??= (() => ({ addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;
const { default: ExerciseDetail } = await import('./ExerciseDetail.svelte');

const view = {
  exercise: {
    id: 'calf_raise', name: 'Calf raise', goal: 'Strength', prescription: { sets: 3, reps: 10, per_side: false, rest_seconds: 60, times_per_week: 3 },
    not_for: [], cautions: [], steps: ['Rise'], form_tips: [], muscles: ['calf'], equipment: [],
    sources: ['Alfredson H, et al. Heavy-load eccentric calf muscle training. Am J Sports Med 1998.', 'Beyer R, et al. Heavy slow resistance. Am J Sports Med 2015.'],
  },
  phase_label: 'Strength', dose: '3 x 10', svg: '<svg viewBox="0 0 10 10"></svg>', condition_names: [],
};

/** The exercise's page, opened on `view` with nothing done yet. */
async function shown() {
  invoke.mockImplementation((cmd: string) =>
    Promise.resolve(cmd === 'get_exercise' ? view : cmd === 'list_exercise_completions' ? [] : null));
  const target = document.createElement('div');
  document.body.append(target);
  const app = mount(ExerciseDetail, { target, props: { id: 'calf_raise', profileId: 1, backLabel: 'Back', onback: () => {}, onopen: () => {} } });
  await settle();
  return { target, app };
}

describe('an exercise', () => {
  it('lists each of its references in full, in order', async () => {
    const { target, app } = await shown();
    const refs = [...target.querySelectorAll('[data-testid=exercise-sources] li')].map((li) => li.textContent);
    expect(refs).toEqual(view.exercise.sources);
    unmount(app);
  });


  it('keeps the keyboard on what Done today became', async () => {
    const { target, app } = await shown();
    const done = target.querySelector('[data-testid=exercise-mark-done]') as HTMLButtonElement;
    done.focus();
    done.click();
    await settle();
    expect(target.querySelector('[data-testid=exercise-done]')).not.toBeNull();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('exercise-done');
    unmount(app);
  });

  it("does not tick the next exercise when the last one's save answers after moving on", async () => {
    let saved!: () => void;
    const harder = { ...view, exercise: { ...view.exercise, id: 'single_leg_calf_raise', name: 'Single-leg calf raise' } };
    invoke.mockImplementation((cmd: string, args: { id?: string }) => {
      if (cmd === 'get_exercise') return Promise.resolve(args.id === 'calf_raise' ? view : harder);
      if (cmd === 'record_exercise_done') return new Promise<void>((r) => (saved = () => r()));
      return Promise.resolve([]);
    });
    const target = document.createElement('div');
    document.body.append(target);
    const props = $state({ id: 'calf_raise', profileId: 1, backLabel: 'Back', onback: () => {}, onopen: () => {} });
    const app = mount(ExerciseDetail, { target, props });
    await settle();
    (target.querySelector('[data-testid=exercise-mark-done]') as HTMLButtonElement).click();
    props.id = 'single_leg_calf_raise'; // "Harder" pressed while saving
    await settle();
    expect(target.querySelector('[data-testid=exercise-title]')?.textContent).toBe('Single-leg calf raise');
    saved();
    await settle();
    expect(target.querySelector('[data-testid=exercise-done]')).toBeNull();
    expect(target.querySelector('[data-testid=exercise-mark-done]')).not.toBeNull();
    unmount(app);
  });
});
