import { describe, expect, it } from 'vitest';
import { addDays, checkDate, dayOf, fullDay, isoWeek, localDate, mondayOf, shortDay } from './dates';

describe('dates', () => {
  it('finds the Monday and the ISO week, across a year end', () => {
    expect(mondayOf('2026-11-22')).toBe('2026-11-16'); // a Sunday
    expect(mondayOf('2026-11-16')).toBe('2026-11-16');
    expect(isoWeek('2026-11-22')).toBe('2026-W47');
    expect(isoWeek('2025-12-29')).toBe('2026-W01'); // as the core's week test says
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('takes the day a score was recorded on from its own offset, not the machine zone', () => {
    expect(dayOf('2026-11-20T23:30:00-05:00')).toBe('2026-11-20');
    expect(localDate(new Date(2026, 10, 20, 23, 59))).toBe('2026-11-20');
    expect(shortDay('2026-11-20')).toBe('Fri 20 Nov');
    expect(shortDay('2026-09-28')).toBe('Mon 28 Sep');
  });

  it('writes a form day out in full, month as a word, and nothing for what is not a day', () => {
    expect(fullDay('2026-11-21')).toBe('Sat 21 Nov 2026');
    expect(fullDay('2027-01-04')).toBe('Mon 4 Jan 2027');
    for (const bad of ['', '2026-13-01', '2026-02-30', '21/11/2026']) expect(fullDay(bad), bad).toBe('');
  });
});

describe('check date', () => {
  const now = new Date(2026, 2, 5, 15, 0);
  it('says how long ago the check was', () => {
    expect(checkDate(new Date(2026, 2, 5, 8, 0).toISOString(), now)).toBe('Thu 5 Mar 2026 (today)');
    expect(checkDate(new Date(2026, 2, 4, 23, 0).toISOString(), now)).toBe('Wed 4 Mar 2026 (yesterday)');
    expect(checkDate(new Date(2026, 1, 26, 9, 0).toISOString(), now)).toBe('Thu 26 Feb 2026 (7 days ago)');
    expect(checkDate(new Date(2025, 5, 1, 9, 0).toISOString(), now)).toBe('Sun 1 Jun 2025');
  });
});
