// The Check screen's logic, kept apart from the components so it can be tested: which widget a
// question gets, how a typed number is read, and the answers of an interview. Everything medical
// (how far the interview is, how a chance or the Wells score is worded) comes from the core's
// `CheckStep` (soleus::app::check).
import { TRIAGE_HEADLINE, type CheckAnswers, type FindingInfo, type SavedAssessment, type Triage } from './bindings';

export type Answer = boolean | string | number;
export type Widget = 'yesno' | 'bodymap' | 'choice' | 'number';

/** The answer widget a question gets: the body map for where it hurts. */
export function widgetFor(q: FindingInfo): Widget {
  if (q.type === 'bool') return 'yesno';
  if (q.type === 'enum') return q.key === 'location' ? 'bodymap' : 'choice';
  return 'number';
}

export type Parsed = { ok: true; value: number } | { ok: false; error: string };

/** What a numeric question accepts, in words (the same range the engine checks). */
export function rangeText(q: FindingInfo): string {
  if (q.type === 'integer') return `a whole number from ${q.min} to ${q.max}`;
  if (q.type === 'number') return `a number from ${q.min} to ${q.max}`;
  return '';
}

/** Reads a typed number, or says what was wrong and names the range. */
export function parseNumber(text: string, q: FindingInfo): Parsed {
  if (q.type !== 'integer' && q.type !== 'number') return { ok: false, error: 'This question does not take a number.' };
  const t = text.trim().replace(',', '.');
  const want = `Type ${rangeText(q)}.`;
  if (t === '') return { ok: false, error: want };
  const value = Number(t);
  if (!Number.isFinite(value) || !/^-?\d*\.?\d+$/.test(t)) return { ok: false, error: `"${text.trim()}" is not a number. ${want}` };
  if (q.type === 'integer' && !Number.isInteger(value)) return { ok: false, error: `Use a whole number. ${want}` };
  if (value < q.min || value > q.max) return { ok: false, error: `${t} is outside the range. ${want}` };
  return { ok: true, value };
}

/** The answers of an interview: given, "not sure", whether a physio is examining, and the
 *  clinician's notes (saved with the check). */
export interface Interview {
  findings: Record<string, Answer>;
  notKnown: string[];
  examining: boolean;
  notes: string;
  /** Who is examining, when a physio gives a name (saved with the check). */
  examinedBy?: string;
}

export function newInterview(examining: boolean): Interview {
  return { findings: {}, notKnown: [], examining, notes: '' };
}

/** Sets (or changes) an answer; an answer replaces an earlier "not sure". */
export function answer(iv: Interview, key: string, value: Answer): Interview {
  return { ...iv, findings: { ...iv.findings, [key]: value }, notKnown: iv.notKnown.filter((k) => k !== key) };
}

/** "Not sure": the question is never asked again. */
export function notSure(iv: Interview, key: string): Interview {
  const { [key]: _dropped, ...findings } = iv.findings;
  return { ...iv, findings, notKnown: iv.notKnown.includes(key) ? iv.notKnown : [...iv.notKnown, key] };
}

/** Forgets an answer or a "not sure": the question may be asked again. */
export function forget(iv: Interview, key: string): Interview {
  const { [key]: _dropped, ...findings } = iv.findings;
  return { ...iv, findings, notKnown: iv.notKnown.filter((k) => k !== key) };
}

/** The examination form's findings: each value set, each key in `cleared` ("not tested")
 *  forgotten. A physio filled it in, so the interview is examining from now on. */
export function examine(iv: Interview, values: Record<string, Answer>, cleared: string[]): Interview {
  const findings = { ...iv.findings, ...values };
  for (const k of cleared) delete findings[k];
  const touched = new Set([...Object.keys(values), ...cleared]);
  return { ...iv, examining: true, findings, notKnown: iv.notKnown.filter((k) => !touched.has(k)) };
}

export function toArgs(iv: Interview): CheckAnswers {
  return { findings: iv.findings, not_known: iv.notKnown, examining: iv.examining };
}

export function answeredCount(iv: Interview): number {
  return Object.keys(iv.findings).length;
}

export interface TriageView {
  title: string;
  tone: 'emergency' | 'urgent' | 'clinician' | 'self';
}

/** The headline is the core's (`TRIAGE_HEADLINE`); the tone only picks the colours. */
export const TRIAGE: Record<Triage, TriageView> = {
  emergency: { title: TRIAGE_HEADLINE.emergency, tone: 'emergency' },
  urgent: { title: TRIAGE_HEADLINE.urgent, tone: 'urgent' },
  clinician: { title: TRIAGE_HEADLINE.clinician, tone: 'clinician' },
  self_care: { title: TRIAGE_HEADLINE.self_care, tone: 'self' },
};

/** Urgent and emergency results are shown above everything else. */
export function isAlarming(t: Triage): boolean {
  return t === 'emergency' || t === 'urgent';
}

export interface SavedSummary {
  triage: Triage | null;
  top: string | null;
}

const TRIAGES: Triage[] = ['emergency', 'urgent', 'clinician', 'self_care'];

/** What the start screen says of a saved check. A saved result is kept as it was on its day, so
 *  its shape is read defensively: a field that has since changed shows as missing, never crashes. */
export function summarize(saved: SavedAssessment): SavedSummary {
  const r = saved.result as { triage?: unknown; differential?: { name?: unknown }[] };
  const triage = TRIAGES.find((t) => t === r.triage) ?? null;
  const name = Array.isArray(r.differential) ? r.differential[0]?.name : undefined;
  return { triage, top: typeof name === 'string' ? name : null };
}
