// A profile's past checks: the list on the Check start view, a saved check read back as a result,
// and the answers that were given, in the words the questions offered.
import { DISCLAIMER, type Assessment, type FindingInfo, type SavedAssessment, type Triage } from './bindings';
import { answerText, percent, summarize, type Answer } from './check';
import { checkDate } from './plan';

/** How many past checks show before "Show all N". */
export const FEW = 3;

export interface PastCheck {
  id: number;
  /** "21 November 2026 (today)", as the plan's header says it. */
  date: string;
  triage: Triage | null;
  top: string | null;
  /** "14:05", only when another check was saved the same day: the date alone would not tell them apart. */
  time: string | null;
  /** The top cause's probability in the core's words ("72%", "over 99%"). */
  chance: string | null;
  saved: SavedAssessment;
}

function topChance(saved: SavedAssessment): string | null {
  const d = (saved.result as { differential?: { probability?: unknown }[] }).differential;
  const p = Array.isArray(d) ? d[0]?.probability : undefined;
  return typeof p === 'number' && Number.isFinite(p) ? percent(p) : null;
}

/** The past checks, newest first (the same second is told apart by id), each summed up. */
export function pastChecks(list: SavedAssessment[], now: Date = new Date()): PastCheck[] {
  const rows = [...list]
    .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id)
    .map((saved) => {
      const { triage, top } = summarize(saved);
      return { id: saved.id, date: checkDate(saved.created_at, now), time: null, triage, top, chance: top ? topChance(saved) : null, saved };
    });
  const perDay = new Map<string, number>();
  for (const r of rows) perDay.set(r.date, (perDay.get(r.date) ?? 0) + 1);
  return rows.map((r) => (perDay.get(r.date)! > 1 ? { ...r, time: clock(r.saved.created_at) } : r));
}

/** The local time of day, 24-hour, whatever the system locale. */
function clock(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** "Most likely: Calf strain (72%)", the list's second line. */
export function topLine(c: Pick<PastCheck, 'top' | 'chance'>): string {
  if (!c.top) return 'No likely cause recorded';
  return `Most likely: ${c.top}${c.chance ? ` (${c.chance})` : ''}`;
}

/** The rows shown: a few, or all of them once asked. */
export function shown<T>(rows: T[], all: boolean): T[] {
  return all ? rows : rows.slice(0, FEW);
}

const TRIAGES: Triage[] = ['emergency', 'urgent', 'clinician', 'self_care'];

/** A saved result read back as today's `Assessment`, or null when its shape has since changed
 *  (then the list's summary is all there is to show, never a half-read result). */
export function savedResult(saved: SavedAssessment): Assessment | null {
  const r = saved.result as Partial<Assessment>;
  const ok = TRIAGES.includes(r.triage as Triage) && typeof r.triage_advice === 'string'
    && Array.isArray(r.red_flags) && Array.isArray(r.differential)
    && r.differential.every((c) => typeof c?.name === 'string' && typeof c?.probability === 'number' && Array.isArray(c?.why));
  if (!ok) return null;
  const a = r as Assessment;
  return { ...a, next_questions: a.next_questions ?? [], disclaimer: a.disclaimer ?? DISCLAIMER, engine_version: a.engine_version ?? saved.engine_version };
}

export interface AnswerRow {
  key: string;
  question: string;
  answer: string;
  unsure: boolean;
}

/** The answers of a check in plain words, in the questionnaire's order (warning signs first, as
 *  they were asked), then those marked "not sure". A key the questions no longer hold shows as the
 *  key itself, last, rather than disappear. */
export function answerRows(findings: Record<string, unknown>, notKnown: string[], questions: Map<string, FindingInfo>): AnswerRow[] {
  const order = [...questions.keys()];
  const at = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const given = Object.entries(findings).map(([key, v]) => {
    const q = questions.get(key);
    const ok = typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number';
    return { key, question: q?.question ?? key, answer: q && ok ? answerText(q, v as Answer) : String(v), unsure: false };
  });
  const unsure = notKnown.map((key) => ({ key, question: questions.get(key)?.question ?? key, answer: 'Not sure', unsure: true }));
  const byQuestion = (a: AnswerRow, b: AnswerRow) => at(a.key) - at(b.key);
  return [...given.sort(byQuestion), ...unsure.sort(byQuestion)];
}

/** The answers of a saved check, read from its case as saved. */
export function savedAnswers(saved: SavedAssessment, questions: Map<string, FindingInfo>): AnswerRow[] {
  const c = saved.case as { findings?: unknown; not_known?: unknown };
  const findings = c.findings && typeof c.findings === 'object' ? (c.findings as Record<string, unknown>) : {};
  const notKnown = Array.isArray(c.not_known) ? c.not_known.filter((k): k is string => typeof k === 'string') : [];
  return answerRows(findings, notKnown, questions);
}

/** Whether a physio examined: the check answered an examination test (a runner alone is never
 *  asked one), which decides where the Wells card belongs, as on the day. */
export function wasExamined(saved: SavedAssessment, questions: Map<string, FindingInfo>): boolean {
  const findings = (saved.case as { findings?: Record<string, unknown> }).findings ?? {};
  return Object.keys(findings).some((k) => questions.get(k)?.clinician === true);
}
