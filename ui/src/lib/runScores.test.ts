import { describe, expect, it } from 'vitest';
import type { RunCheck } from './bindings';
import { asSentence, fieldOf, scoresLine } from './runScores';

describe('run scores', () => {
  it('puts each refusal beside the field it is about', () => {
    expect(fieldOf('log_next_morning_on_run_day')).toBe('moment');
    expect(fieldOf('log_score_before_run')).toBe('moment');
    expect(fieldOf('log_bad_site')).toBe('site');
    expect(fieldOf('log_score_out_of_range')).toBe('score');
    expect(fieldOf('log_run_not_found')).toBe('run');
    expect(fieldOf('db_busy')).toBe('form');
  });

  it('shows each moment, a dash where none was scored', () => {
    const run = { during: 3, after: null, next_morning: 1 } as RunCheck;
    expect(scoresLine(run)).toBe('During 3/10 · Right after — · Next morning 1/10');
  });

  it("writes the core's message as a sentence", () => {
    expect(asSentence('a next-morning score must be dated on a day after the run')).toBe('A next-morning score must be dated on a day after the run');
    expect(asSentence('')).toBe('');
  });
});
