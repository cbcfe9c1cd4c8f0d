import { describe, expect, it } from 'vitest';
import { selection } from './exerciseSelection.svelte';

describe('exercise selection', () => {
  it('returns to the plan from an exercise opened there, and to it from its progression', () => {
    selection.openFromPlan(1, 'glute_bridge');
    expect(selection.id).toBe('glute_bridge');
    expect(selection.backToPlan).toBe(true);
    selection.open('single_leg_bridge');
    expect(selection.backToPlan).toBe(false);
    selection.back();
    expect(selection.id).toBe('glute_bridge');
    expect(selection.backToPlan).toBe(true);
    selection.clear();
    expect(selection.id).toBeNull();
  });

  it('opened from the library, Back leads to the library', () => {
    selection.open('ankle_pumps');
    expect(selection.backToPlan).toBe(false);
    selection.back();
    expect(selection.id).toBeNull();
  });
});
