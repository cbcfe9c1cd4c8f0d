import { describe, expect, it } from 'vitest';
import { barWidth } from './chances';

describe('chance bars', () => {
  it('never draws a bar empty or full', () => {
    expect(barWidth(0)).toBe(1);
    expect(barWidth(1)).toBe(99);
    expect(barWidth(0.55)).toBe(55);
  });
});
