import { describe, expect, it } from 'vitest';
import { checkChoice } from './checkChoice.svelte';

describe('the chosen check', () => {
  it('belongs to its profile, and clears back to the latest', () => {
    expect(checkChoice.of(1)).toBeNull();
    checkChoice.choose(1, 7);
    expect(checkChoice.of(1)).toBe(7);
    expect(checkChoice.of(2)).toBeNull();
    checkChoice.clear();
    expect(checkChoice.of(1)).toBeNull();
  });

  it('forgets a deleted check only when it was the chosen one', () => {
    checkChoice.choose(1, 7);
    checkChoice.forget(8);
    expect(checkChoice.of(1)).toBe(7);
    checkChoice.forget(7);
    expect(checkChoice.of(1)).toBeNull();
  });
});
