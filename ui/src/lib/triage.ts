// How a triage level is said on the plan, the presenter and the check list: a badge, and what
// to do for a warning sign of that level.
import type { Triage } from './bindings';

/** What the person is told to do for a warning sign or a triage level. */
export const ACT_LABEL: Record<Triage, string> = {
  emergency: 'Call emergency services now',
  urgent: 'See a doctor today',
  clinician: 'See a clinician within 1-2 weeks',
  self_care: 'Look after it yourself',
};

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
