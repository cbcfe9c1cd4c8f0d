import { describe, expect, it } from 'vitest';
import { checkRun, convertTypedDistance, momentExample, momentProblem, notesProblem, scoreProblem, whenProblem } from './logForm';

const now = new Date(2026, 10, 21, 12, 0);
const run = { date: '2026-11-20', time: '07:30', distance: '8', duration: '45', climb: '' };

describe('pain form', () => {
  it('asks for a score and refuses one outside 0-10', () => {
    expect(scoreProblem(null)).toMatch(/Choose a score from 0/);
    expect(scoreProblem(0)).toBeNull();
    expect(scoreProblem(10)).toBeNull();
    expect(scoreProblem(11)).toBe('A pain score is a whole number from 0 to 10; 11 is not.');
    expect(scoreProblem(-1)).toMatch(/-1 is not/);
    expect(scoreProblem(2.5)).toMatch(/2.5 is not/);
  });

  it('refuses a date in the future, a missing one, and one that does not exist', () => {
    expect(whenProblem('2026-11-21', '11:59', now)).toBeNull();
    expect(whenProblem('2026-11-22', '08:00', now)).toMatch(/in the future/);
    expect(whenProblem('2026-11-21', '13:00', now)).toMatch(/in the future/);
    expect(whenProblem('', '08:00', now)).toBe('Choose the date.');
    expect(whenProblem('2026-11-21', '', now)).toMatch(/Choose the time/);
    expect(whenProblem('2026-02-30', '08:00', now)).toBe('That is not a real date.');
  });

  it('bounds the moment and the notes as the core does', () => {
    expect(momentProblem('1 h after run')).toBeNull();
    expect(momentProblem('x'.repeat(201))).toMatch(/at most 200 characters; this one has 201/);
    expect(notesProblem('x'.repeat(4001))).toMatch(/4001/);
  });
});

describe('run form', () => {
  it('converts a valid run to metres and seconds in the person\'s units', () => {
    expect(checkRun(run, 'km', now)).toEqual({
      values: { startedAt: '2026-11-20 07:30', distanceM: 8000, durationS: 2700, elevationGainM: null },
    });
    const miles = checkRun({ ...run, distance: '5', climb: '120' }, 'mi', now);
    expect(miles).toEqual({ values: { startedAt: '2026-11-20 07:30', distanceM: 8047, durationS: 2700, elevationGainM: 120 } });
    expect(checkRun({ ...run, distance: '5,5', duration: '' }, 'km', now)).toMatchObject({ values: { distanceM: 5500, durationS: null } });
  });

  it('names each bad field', () => {
    const bad = checkRun({ date: '2026-11-23', time: '07:30', distance: '-3', duration: 'soon', climb: '-10' }, 'km', now);
    expect(bad).toEqual({
      problems: {
        when: 'That is in the future: log what has already happened.',
        distance: 'The distance must be more than 0.',
        duration: 'Type minutes (45) or hours:minutes:seconds (1:05:00).',
        climb: 'The climb cannot be negative.',
      },
    });
    expect(checkRun({ ...run, distance: '' }, 'mi', now)).toEqual({ problems: { distance: 'Type how far you ran, in mi.' } });
    expect(checkRun({ ...run, distance: 'far' }, 'km', now)).toMatchObject({ problems: { distance: expect.stringMatching(/as a number of km/) } });
    expect(checkRun({ ...run, distance: '2000' }, 'km', now)).toMatchObject({ problems: { distance: expect.stringMatching(/not plausible/) } });
  });
});

describe('units while typing', () => {
  it('rewrites a half-typed distance in the new units rather than reading it in them', () => {
    expect(convertTypedDistance('8', 'km', 'mi')).toBe('4.97');
    expect(convertTypedDistance('4.97', 'mi', 'km')).toBe('8');
    expect(convertTypedDistance('5,5', 'mi', 'km')).toBe('8.85');
    expect(convertTypedDistance('8', 'km', 'km')).toBe('8');
    // Not a number yet: left as typed, for the check to name.
    expect(convertTypedDistance('', 'km', 'mi')).toBe('');
    expect(convertTypedDistance('8.', 'km', 'mi')).toBe('8.');
    expect(convertTypedDistance('eight', 'km', 'mi')).toBe('eight');
  });

  it('gives the key-moment example in the person\'s units', () => {
    expect(momentExample('km')).toContain('5 km');
    expect(momentExample('mi')).toContain('mile');
    expect(momentExample('mi')).not.toContain('km');
  });
});
