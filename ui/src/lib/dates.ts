// Local calendar dates ("2026-11-20") and ISO weeks ("2026-W47") as the weekly review counts
// them: a score or a run belongs to the day of the clock it was recorded by.

/** Today (or the day of `at`) on the machine's clock, as YYYY-MM-DD. */
export function localDate(at: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}`;
}

/** The time of `at` as HH:MM. */
export function localTime(at: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(at.getHours())}:${p(at.getMinutes())}`;
}

/** The local day an RFC 3339 time from the core was recorded on (the core keeps its offset). */
export function dayOf(rfc3339: string): string {
  return rfc3339.slice(0, 10);
}

function utcDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function fmt(day: Date): string {
  return day.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = utcDay(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fmt(d);
}

/** The Monday of the ISO week `date` is in. */
export function mondayOf(date: string): string {
  const back = (utcDay(date).getUTCDay() + 6) % 7;
  return addDays(date, -back);
}

/** "2026-W47": the week's year is the year of its Thursday. */
export function isoWeek(date: string): string {
  const thursday = utcDay(addDays(mondayOf(date), 3));
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Local noon of a day, in seconds since 1970: where a day's points sit on a time axis. */
export function noonSeconds(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d, 12).getTime() / 1000;
}

// Written out rather than asked of Intl: the machine's locale may be "C", and en-GB says "Sept".
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "20 Nov" */
export function dayMonth(date: string): string {
  const d = utcDay(date);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** "Fri 20 Nov" */
export function shortDay(date: string): string {
  return `${WEEKDAYS[utcDay(date).getUTCDay()]} ${dayMonth(date)}`;
}

/**
 * "Sat 21 Nov 2026", or "" for anything that is not a YYYY-MM-DD day: shown beside a date
 * input, whose own display follows the system's locale ("11/21/2026" reads as two dates).
 */
export function fullDay(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(utcDay(date).getTime()) || fmt(utcDay(date)) !== date) return '';
  return `${shortDay(date)} ${utcDay(date).getUTCFullYear()}`;
}

/** The date a check was saved, as a person says it ("2 March 2026 (today)"). */
export function checkDate(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  // The one date format people read: "Thu 5 Mar 2026" (the core's `log::day`).
  const date = fullDay(localDate(d));
  const day = (x: Date) => Date.UTC(x.getFullYear(), x.getMonth(), x.getDate());
  const days = Math.round((day(now) - day(d)) / 86_400_000);
  if (days === 0) return `${date} (today)`;
  if (days === 1) return `${date} (yesterday)`;
  if (days > 1 && days < 60) return `${date} (${days} days ago)`;
  return date;
}
