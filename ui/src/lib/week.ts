// The week calendar's wording: day labels and how a day's load reads. Nothing medical is decided
// here; the days, runs, exercises and ticks come from the core (`week_plan`).
import type { CalendarDay, CalendarExercise } from './bindings';

const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-16" -> { weekday: "Mon", date: "16 Nov" } (a calendar date, not a moment). */
export function dayLabel(date: string): { weekday: string; date: string } {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return { weekday: WEEKDAY[day.getUTCDay()], date: `${d} ${MONTH[m - 1]}` };
}

/** Whether an exercise on `day` can be ticked from the calendar: planned, not done, not ahead. */
export function canTick(day: CalendarDay, e: CalendarExercise, today: string): boolean {
  return !e.done && day.date <= today;
}

/** "twice" for two sessions in a day; nothing for one. */
export function sessionsWord(e: CalendarExercise): string | null {
  if (e.sessions <= 1) return null;
  return e.sessions === 2 ? 'twice' : `${e.sessions} times`;
}

/** The phase names as they change over the days given, each with the first day it shows. */
export function phaseChanges(days: CalendarDay[]): { phase: string; from: string }[] {
  const out: { phase: string; from: string }[] = [];
  for (const d of days) {
    if (d.phase && d.phase !== out.at(-1)?.phase) out.push({ phase: d.phase, from: d.date });
  }
  return out;
}
