import { describe, expect, it } from 'vitest';
import { emptyTest, FieldError, groupOfCode, toTest } from './returnToRun';

describe('the test form', () => {
  it('sends empty fields as not measured and numbers as typed, for the core to judge', () => {
    const t = toTest({ ...emptyTest('2026-12-07'), raisesLeft: 22, raisesRight: '30', kneeLeft: '9,5', kneeRight: 10, hopPain: -1 });
    expect(t).toEqual({
      tested_on: '2026-12-07', calf_raises_left: 22, calf_raises_right: 30, knee_to_wall_left_cm: 9.5, knee_to_wall_right_cm: 10,
      walk_pain: null, calf_raise_pain: null, hop_pain: -1,
    });
  });

  it('names a field that is not a number, beside its group', () => {
    try {
      toTest({ ...emptyTest('2026-12-07'), kneeRight: 'ten' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FieldError);
      expect((e as FieldError).group).toBe('knee');
      expect((e as FieldError).message).toContain('knee-to-wall (right)');
    }
  });

  it("puts the core's refusal beside the fields it names", () => {
    expect(groupOfCode('rtr_calf_raises_out_of_range', '')).toBe('raises');
    expect(groupOfCode('rtr_one_side_only', 'the knee-to-wall need both legs')).toBe('knee');
    expect(groupOfCode('rtr_one_side_only', 'the calf raises need both legs')).toBe('raises');
    expect(groupOfCode('rtr_empty_test', '')).toBe('form');
  });
});
