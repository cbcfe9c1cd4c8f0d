// The Check screen's logic, kept apart from the components so it can be tested: which widget a
// question gets, how a typed number is read, how answers and results are worded.
import type { Assessment, CheckAnswers, FindingInfo, SavedAssessment, Triage, WellsScore } from './bindings';

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

/** A probability as the core words it: whole percents, never "100%" or "0%". */
export function percent(p: number): string {
  if (p > 0.99) return 'over 99%';
  if (p < 0.01) return 'under 1%';
  return `${Math.round(p * 100)}%`;
}

/** An answer in the words the question offered. */
export function answerText(q: FindingInfo, value: Answer): string {
  if (q.type === 'bool') return value ? 'Yes' : 'No';
  if (q.type === 'enum') {
    const i = q.values.indexOf(String(value));
    return i >= 0 ? q.labels[i] : String(value);
  }
  return String(value);
}

/** The answers of an interview: given, "not sure", and whether a physio is examining. */
export interface Interview {
  findings: Record<string, Answer>;
  notKnown: string[];
  examining: boolean;
}

export function newInterview(examining: boolean): Interview {
  return { findings: {}, notKnown: [], examining };
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

export function toArgs(iv: Interview): CheckAnswers {
  return { findings: iv.findings, not_known: iv.notKnown, examining: iv.examining };
}

export function answeredCount(iv: Interview): number {
  return Object.keys(iv.findings).length;
}

export type Progress = 'asking' | 'nearly' | 'enough';

/** Honest progress: "enough" when the engine has nothing left worth asking, "nearly" once the
 *  top cause has reached the probability at which the engine settles. */
export function progress(a: Assessment, settledAt: number): Progress {
  if (a.next_questions.length === 0) return 'enough';
  return (a.differential[0]?.probability ?? 0) >= settledAt ? 'nearly' : 'asking';
}

export interface TriageView {
  title: string;
  tone: 'emergency' | 'urgent' | 'clinician' | 'self';
}

export const TRIAGE: Record<Triage, TriageView> = {
  emergency: { title: 'Emergency: get help now', tone: 'emergency' },
  urgent: { title: 'Urgent: see a doctor today', tone: 'urgent' },
  clinician: { title: 'See a physio or doctor', tone: 'clinician' },
  self_care: { title: 'Self-care', tone: 'self' },
};

/** The Wells score is a clinician's tool. It is shown when a physio is examining, when one of its
 *  items scored, or when a clot is among the causes shown: a runner with a knot gains nothing
 *  from a "clot score: 0" card, one whose answers point at a clot does. */
export function showsWells(a: Assessment, examining: boolean): boolean {
  if (!a.wells) return false;
  return examining || a.wells.items.length > 0 || a.differential.some((c) => c.condition === 'dvt');
}

/** What a Wells score means, as the result card and the presenter say it. */
export function wellsMeaning(w: WellsScore): string {
  return w.dvt_likely
    ? 'A score of 2 or more: a clot is likely.'
    : 'A score under 2: on this score alone a clot is less likely. It counts only the items answered.';
}

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
