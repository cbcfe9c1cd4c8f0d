// The return-to-run forms' plumbing: typed fields to the core's records, and which group of
// fields a refusal belongs beside. Nothing medical: every bound and verdict is the core's.
import type { FunctionalTest } from './bindings';

/** A number field as a bound `<input type="number">` holds it: a number, or empty. */
export type Typed = string | number | null | undefined;

/** The test form's fields as typed (empty: not measured this time). */
export type TestFields = {
  on: string;
  raisesLeft: Typed;
  raisesRight: Typed;
  kneeLeft: Typed;
  kneeRight: Typed;
  walkPain: Typed;
  raisePain: Typed;
  hopPain: Typed;
};

export const emptyTest = (on: string): TestFields => ({
  on, raisesLeft: '', raisesRight: '', kneeLeft: '', kneeRight: '', walkPain: '', raisePain: '', hopPain: '',
});

/** A typed number, or null when the field is empty. Anything else goes to the core as typed
 *  (NaN becomes null in JSON, so a field that is not a number is refused here by name). */
export function fieldNumber(typed: Typed, label: string): number | null {
  if (typeof typed === 'number') return Number.isFinite(typed) ? typed : null;
  const t = (typed ?? '').trim();
  if (t === '') return null;
  const n = Number(t.replace(',', '.'));
  if (!Number.isFinite(n)) throw new FieldError(`the ${label} must be a number; got "${t}"`, groupOfLabel(label));
  return n;
}

export type FieldGroup = 'raises' | 'knee' | 'pain' | 'form';

export class FieldError extends Error {
  constructor(message: string, readonly group: FieldGroup) {
    super(message);
  }
}

function groupOfLabel(label: string): FieldGroup {
  if (label.startsWith('calf raises')) return 'raises';
  if (label.startsWith('knee-to-wall')) return 'knee';
  return 'pain';
}

/** The record the form describes; counts and pains whole numbers as typed (the core refuses
 *  a fraction or a value out of range, by name). */
export function toTest(f: TestFields): FunctionalTest {
  return {
    tested_on: f.on,
    calf_raises_left: fieldNumber(f.raisesLeft, 'calf raises (left)'),
    calf_raises_right: fieldNumber(f.raisesRight, 'calf raises (right)'),
    knee_to_wall_left_cm: fieldNumber(f.kneeLeft, 'knee-to-wall (left)'),
    knee_to_wall_right_cm: fieldNumber(f.kneeRight, 'knee-to-wall (right)'),
    walk_pain: fieldNumber(f.walkPain, 'pain walking'),
    calf_raise_pain: fieldNumber(f.raisePain, 'pain on calf raises'),
    hop_pain: fieldNumber(f.hopPain, 'hop pain'),
  };
}

/** Where the core's refusal is shown: beside the fields it names. */
export function groupOfCode(code: string, message: string): FieldGroup {
  switch (code) {
    case 'rtr_calf_raises_out_of_range':
      return 'raises';
    case 'rtr_knee_to_wall_out_of_range':
      return 'knee';
    case 'rtr_pain_out_of_range':
      return 'pain';
    case 'rtr_one_side_only':
      return message.includes('knee') ? 'knee' : 'raises';
    default:
      return 'form';
  }
}
