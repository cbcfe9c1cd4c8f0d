// A profile's past checks: the list on the Check start view, summed up from the core's
// `SavedCheck` views (the result worded by the core; its answers are grouped in answers.ts).
import type { SavedCheck, Triage } from './bindings';
import { summarize } from './check';
import { checkDate, localTime } from './dates';

/** How many past checks show before "Show all N". */
export const FEW = 3;

export interface PastCheck {
  id: number;
  /** "Sat 21 Nov 2026 (today)", as the plan's header says it. */
  date: string;
  triage: Triage | null;
  top: string | null;
  /** "14:05", only when another check was saved the same day: the date alone would not tell them apart. */
  time: string | null;
  /** The top cause's chance in the core's words ("likely"). */
  chance: string | null;
  check: SavedCheck;
}

/** The past checks, newest first (the same second is told apart by id), each summed up. A result
 *  the core can no longer read still gives its triage and top cause when they are there. */
export function pastChecks(list: SavedCheck[], now: Date = new Date()): PastCheck[] {
  const rows = [...list]
    .sort((a, b) => Date.parse(b.saved.created_at) - Date.parse(a.saved.created_at) || b.saved.id - a.saved.id)
    .map((check) => {
      const { triage, top } = summarize(check.saved);
      const chance = top ? (check.view?.chances[0]?.words ?? null) : null;
      return { id: check.saved.id, date: checkDate(check.saved.created_at, now), time: null, triage, top, chance, check };
    });
  const perDay = new Map<string, number>();
  for (const r of rows) perDay.set(r.date, (perDay.get(r.date) ?? 0) + 1);
  return rows.map((r) => (perDay.get(r.date)! > 1 ? { ...r, time: localTime(new Date(r.check.saved.created_at)) } : r));
}

/** "Most likely: Calf strain (likely)", the list's second line; once a clinician confirmed the
 *  cause, "Confirmed: Calf strain (Sam Lee)". */
export function topLine(c: Pick<PastCheck, 'top' | 'chance'> & { check?: Pick<SavedCheck, 'confirmed'> }): string {
  const confirmed = c.check?.confirmed;
  if (confirmed) return `Confirmed: ${confirmed.name} (${confirmed.by})`;
  if (!c.top) return 'No likely cause recorded';
  return `Most likely: ${c.top}${c.chance ? ` (${c.chance})` : ''}`;
}

/** The rows shown: a few, or all of them once asked. */
export function shown<T>(rows: T[], all: boolean): T[] {
  return all ? rows : rows.slice(0, FEW);
}
