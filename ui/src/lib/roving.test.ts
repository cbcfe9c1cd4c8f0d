import { describe, expect, it } from 'vitest';
import { rovingTarget } from './roving';

describe('one tab stop for a group', () => {
  it('moves with the arrows, wrapping at both ends, and jumps with Home and End', () => {
    expect(rovingTarget('ArrowRight', 3, 11)).toBe(4);
    expect(rovingTarget('ArrowDown', 3, 11)).toBe(4);
    expect(rovingTarget('ArrowLeft', 3, 11)).toBe(2);
    expect(rovingTarget('ArrowUp', 3, 11)).toBe(2);
    expect(rovingTarget('ArrowRight', 10, 11)).toBe(0);
    expect(rovingTarget('ArrowLeft', 0, 11)).toBe(10);
    expect(rovingTarget('Home', 6, 11)).toBe(0);
    expect(rovingTarget('End', 6, 11)).toBe(10);
  });

  it('leaves other keys, and Up and Down in a tab list, to the page', () => {
    expect(rovingTarget('Tab', 3, 11)).toBeNull();
    expect(rovingTarget('a', 3, 11)).toBeNull();
    expect(rovingTarget('ArrowDown', 0, 2, true)).toBeNull();
    expect(rovingTarget('ArrowRight', 0, 2, true)).toBe(1);
  });
});
