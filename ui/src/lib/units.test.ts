import { describe, expect, it } from 'vitest';
import { formatDistance, formatDuration, fromMetres, parseDuration, toMetres } from './units';

describe('units', () => {
  it('converts kilometres and miles both ways', () => {
    expect(toMetres(5, 'km')).toBe(5000);
    expect(toMetres(1, 'mi')).toBeCloseTo(1609.344, 6);
    expect(fromMetres(8046.72, 'mi')).toBeCloseTo(5, 6);
    expect(formatDistance(8000, 'km')).toBe('8.0 km');
    expect(formatDistance(8046.72, 'mi')).toBe('5.0 mi');
  });

  it('reads durations as minutes, mm:ss or h:mm:ss, and refuses the rest', () => {
    expect(parseDuration('45')).toBe(2700);
    expect(parseDuration(' 45.5 ')).toBe(2730);
    expect(parseDuration('45:30')).toBe(2730);
    expect(parseDuration('1:05:00')).toBe(3900);
    for (const bad of ['', 'abc', '45:75', '1:75:00', '-5', '1h']) expect(parseDuration(bad), bad).toBeNull();
  });

  it('shows durations in minutes, then hours and minutes', () => {
    expect(formatDuration(2700)).toBe('45 min');
    expect(formatDuration(3900)).toBe('1 h 05 min');
  });
});
