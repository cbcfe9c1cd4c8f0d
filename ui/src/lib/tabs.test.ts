import { describe, expect, it } from 'vitest';
import { TABS, neighbour } from './tabs';
import { applyTheme } from './theme';

describe('tab bar keys', () => {
  it('has the four screens in order', () => {
    expect(TABS.map((t) => t.label)).toEqual(['Check', 'Plan', 'Exercises', 'Log']);
  });

  it('moves with arrows and wraps', () => {
    expect(neighbour('check', 'ArrowRight')).toBe('plan');
    expect(neighbour('log', 'ArrowRight')).toBe('check');
    expect(neighbour('check', 'ArrowLeft')).toBe('log');
    expect(neighbour('plan', 'End')).toBe('log');
    expect(neighbour('log', 'Home')).toBe('check');
    expect(neighbour('plan', 'a')).toBeNull();
  });

  it('moves with up and down along the side rail', () => {
    expect(neighbour('check', 'ArrowDown')).toBe('plan');
    expect(neighbour('check', 'ArrowUp')).toBe('log');
  });
});

describe('theme', () => {
  it('follows the system unless a theme is chosen', () => {
    const root = document.createElement('html');
    applyTheme('dark', root);
    expect(root.dataset.theme).toBe('dark');
    applyTheme('system', root);
    expect(root.dataset.theme).toBeUndefined();
  });
});
