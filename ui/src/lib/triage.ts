// How a triage level is shown on the plan, the presenter and the check list as a badge. What to
// do for a warning sign of each level is the core's (`TRIAGE_ACT` in the bindings).
import type { Triage } from './bindings';

/** The triage as a short badge. */
export const TRIAGE_LABEL: Record<Triage, string> = {
  emergency: 'Emergency',
  urgent: 'Urgent: today',
  clinician: 'See a clinician',
  self_care: 'Self-care',
};

export function isPressing(t: Triage): boolean {
  return t === 'urgent' || t === 'emergency';
}
