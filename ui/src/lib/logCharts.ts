// What the log's charts draw and what they say to a screen reader, built from the core's pain
// entries and sessions. Pure: the day "today" is passed in.
import { TRAINING_LOAD, type ExerciseCompletion, type PainEntry, type Session, type Units, type WeekTotals } from './bindings';
import { addDays, dayMonth, dayOf, mondayOf, noonSeconds } from './dates';

/** The score at or below which the weekly loop says: begin a gradual return (the core's knowledge,
 *  through the bindings), and the words that name its line on a chart. */
export const RETURN_AT = TRAINING_LOAD.loop.return_at;
export const RETURN_LINE = TRAINING_LOAD.words.chart;
/** Key moments drawn as their own series; the rest are drawn together. */
const MAX_MOMENTS = 3;
export const NOT_SAID = 'Moment not said';
export const OTHER_MOMENTS = 'Other moments';

const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: number[]) => (xs.length ? round1(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

export interface PainSeries {
  days: string[];
  /** Each day's local noon, seconds: the x values. */
  x: number[];
  moments: { label: string; values: (number | null)[] }[];
  /** The mean of every score of the 7 days ending each day. */
  trend: (number | null)[];
  count: number;
}

/** The entries recorded in the `weeks` ISO weeks ending with today's. */
function inWindow<T>(items: T[], day: (t: T) => string, today: string, weeks: number): T[] {
  const from = addDays(mondayOf(today), -7 * (weeks - 1));
  return items.filter((t) => day(t) >= from && day(t) <= today);
}

export function painSeries(entries: PainEntry[], today: string, weeks = 8): PainSeries {
  const from = addDays(mondayOf(today), -7 * (weeks - 1));
  const days: string[] = [];
  for (let d = from; d <= today; d = addDays(d, 1)) days.push(d);
  const shown = inWindow(entries, (e) => dayOf(e.recorded_at), today, weeks);

  const label = (e: PainEntry) => (e.moment.trim() === '' ? NOT_SAID : e.moment.trim());
  const counts = new Map<string, number>();
  for (const e of shown) counts.set(label(e), (counts.get(label(e)) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([m]) => m);
  const named = ranked.length > MAX_MOMENTS ? ranked.slice(0, MAX_MOMENTS - 1) : ranked;
  const group = (e: PainEntry) => (named.includes(label(e)) ? label(e) : OTHER_MOMENTS);
  const groups = ranked.length > named.length ? [...named, OTHER_MOMENTS] : named;

  const byDay = (keep: (e: PainEntry) => boolean) => {
    const scores = new Map<string, number[]>();
    for (const e of shown.filter(keep)) {
      const d = dayOf(e.recorded_at);
      scores.set(d, [...(scores.get(d) ?? []), e.score]);
    }
    return scores;
  };
  const moments = groups.map((g) => {
    const scores = byDay((e) => group(e) === g);
    return { label: g, values: days.map((d) => mean(scores.get(d) ?? [])) };
  });
  const all = byDay(() => true);
  const trend = days.map((d, i) => {
    const window = days.slice(Math.max(0, i - 6), i + 1).flatMap((w) => all.get(w) ?? []);
    return mean(window);
  });
  return { days, x: days.map(noonSeconds), moments, trend, count: shown.length };
}

export function painSummary(entries: PainEntry[], today: string, weeks = 8): string {
  const shown = inWindow(entries, (e) => dayOf(e.recorded_at), today, weeks).sort((a, b) => a.recorded_at.localeCompare(b.recorded_at));
  if (shown.length === 0) return `No pain scores in the last ${weeks} weeks.`;
  const first = shown[0];
  const last = shown[shown.length - 1];
  const { trend } = painSeries(entries, today, weeks);
  const now = [...trend].reverse().find((t) => t !== null) ?? null;
  const parts = [
    `${shown.length} pain ${shown.length === 1 ? 'score' : 'scores'} in the last ${weeks} weeks.`,
    shown.length > 1
      ? `First ${first.score}/10 on ${dayMonth(dayOf(first.recorded_at))}, latest ${last.score}/10 on ${dayMonth(dayOf(last.recorded_at))}.`
      : `${last.score}/10 on ${dayMonth(dayOf(last.recorded_at))}.`,
  ];
  if (now !== null) {
    const side = now <= RETURN_AT ? RETURN_LINE.at_or_below : RETURN_LINE.above;
    parts.push(`The average of the last 7 days is ${now}/10, ${side}.`);
  }
  return parts.join(' ');
}

export interface LoadSeries {
  mondays: string[];
  labels: string[];
  /** Running distance per week, in the person's units, to one decimal. */
  distance: number[];
  /** The week's mean pain at its key moment; null without one. */
  pain: (number | null)[];
}

/** The core's weekly totals (`weekly_totals`, the weeks the report's charts draw too), as the
 *  chart's columns: the window sums and averages nothing itself. */
export function loadSeries(weeks: WeekTotals[]): LoadSeries {
  return {
    mondays: weeks.map((w) => w.starts_on),
    labels: weeks.map((w) => dayMonth(w.starts_on)),
    distance: weeks.map((w) => w.distance),
    pain: weeks.map((w) => w.pain),
  };
}

export function loadSummary(load: LoadSeries, units: Units): string {
  const n = load.mondays.length;
  const total = load.distance.reduce((a, b) => a + b, 0);
  if (total === 0) return `No runs with a distance in the last ${n} weeks.`;
  const top = load.distance.indexOf(Math.max(...load.distance));
  const parts = [
    `Running distance per week over the last ${n} weeks: most ${load.distance[top]} ${units} in the week of ${load.labels[top]}, this week ${load.distance[n - 1]} ${units}.`,
  ];
  const pain = load.pain[n - 1];
  parts.push(pain === null ? 'No pain score this week.' : `Average pain this week ${pain}/10.`);
  return parts.join(' ');
}

export type HistoryItem =
  | { kind: 'pain'; at: string; entry: PainEntry }
  | { kind: 'session'; at: string; session: Session }
  | { kind: 'exercise'; at: string; done: ExerciseCompletion };

/** Scores, sessions and exercises done together, newest first. An exercise is recorded by its
 *  day only: it sorts at the end of that day, above what was logged at a time that day. */
export function history(entries: PainEntry[], sessions: Session[], done: ExerciseCompletion[] = []): HistoryItem[] {
  const items: HistoryItem[] = [
    ...entries.map((entry) => ({ kind: 'pain' as const, at: entry.recorded_at, entry })),
    ...sessions.map((session) => ({ kind: 'session' as const, at: session.started_at, session })),
    ...done.map((d) => ({ kind: 'exercise' as const, at: `${d.done_on}T23:59:59`, done: d })),
  ];
  const instant = (i: HistoryItem) => new Date(i.at).getTime();
  return items.sort((a, b) => instant(b) - instant(a));
}
