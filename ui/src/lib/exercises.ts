// The Exercises screen's pure logic: the library's filters and a prescription in parts.
import type { ExerciseCard, Phase, Prescription } from './bindings';

/** The phases in programme order. */
export const PHASE_ORDER: Phase[] = ['prepare', 'protect', 'foundation', 'strength', 'power', 'return_to_run'];

/**
 * The phase filter's choices: the phases the library holds, in programme order, worded as the
 * core words them on the cards (the plans' own words: "Settle", "Rebuild", "Spring"), so the
 * filter, the cards and the plans never disagree.
 */
export function phaseOptions(cards: ExerciseCard[]): { id: Phase; label: string }[] {
  return PHASE_ORDER.flatMap((id) => {
    const label = cards.find((c) => c.phase === id)?.phase_label;
    return label ? [{ id, label: label.charAt(0).toUpperCase() + label.slice(1) }] : [];
  });
}

export interface LibraryFilter {
  phase: Phase | 'all';
  condition: string | 'all';
  query: string;
}

export const NO_FILTER: LibraryFilter = { phase: 'all', condition: 'all', query: '' };

/** Lower case without accents, so "Romanian" finds "romanian" and "soleus" finds "Sóleus". */
function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The cards that match every part of the filter; each word of the query must appear in the name or goal. */
export function filterExercises(cards: ExerciseCard[], f: LibraryFilter): ExerciseCard[] {
  const words = fold(f.query).split(/\s+/).filter(Boolean);
  return cards.filter((c) => {
    if (f.phase !== 'all' && c.phase !== f.phase) return false;
    if (f.condition !== 'all' && !c.conditions.includes(f.condition)) return false;
    const text = fold(`${c.name} ${c.goal}`);
    return words.every((w) => text.includes(w));
  });
}

/** A prescription as labelled parts for the detail view. */
export function prescriptionParts(p: Prescription): { label: string; value: string }[] {
  const parts = [{ label: 'Sets', value: String(p.sets) }];
  if (p.reps !== undefined) parts.push({ label: 'Reps', value: `${p.reps}${p.per_side ? ' each side' : ''}` });
  if (p.hold_seconds !== undefined) parts.push({ label: 'Hold', value: `${p.hold_seconds} s${p.per_side && p.reps === undefined ? ' each side' : ''}` });
  if (p.minutes !== undefined) parts.push({ label: 'Time', value: `${p.minutes} min${p.per_side && p.reps === undefined && p.hold_seconds === undefined ? ' each side' : ''}` });
  if (p.rest_seconds > 0) parts.push({ label: 'Rest', value: `${p.rest_seconds} s` });
  parts.push({ label: 'How often', value: `${p.times_per_week}x a week` });
  return parts;
}


/**
 * The size an illustration is drawn at (its root's width and height): each one's canvas is
 * fitted to its drawing, so the image box takes that shape instead of a fixed 400 x 230.
 */
export function illustrationSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attr = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(root)?.[1] ?? NaN);
  const [width, height] = [attr('width'), attr('height')];
  return width > 0 && height > 0 ? { width, height } : { width: 400, height: 230 };
}

/**
 * Whether a card shows its illustration above the text, at the card's width, rather than in a
 * narrow column beside it. Beside it (156px wide) a drawing wider than 3:2 (a lying figure, or
 * a wide stance in two panels) would be under about 100px tall: too small to read the pose.
 */
export function illustrationIsWide(svg: string): boolean {
  const { width, height } = illustrationSize(svg);
  return width / height > 1.5;
}

/**
 * An illustration as an image URL. The app's CSP keeps inline <style> out of the page, so the
 * SVG (which styles itself) is shown as an image; its ink and accent, which it would otherwise
 * take from the page, are set on its root so that it follows the theme.
 */
export function illustrationSrc(svg: string, ink: string, accent: string): string {
  const key = `${ink}|${accent}|${svg}`;
  let src = themedSrcs.get(key);
  if (src === undefined) {
    const safe = (c: string) => c.replace(/[^#a-zA-Z0-9(),.%\s-]/g, '');
    const themed = svg.replace('<svg ', `<svg style="--soleus-ink:${safe(ink)};--soleus-accent:${safe(accent)}" `);
    src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(themed)}`;
    themedSrcs.set(key, src);
  }
  return src;
}

// Each drawing's image URL in each theme's ink, made once per window (a card drawn again, on a
// revisit or in the plan, reuses it): at most the library's size times the themes.
const themedSrcs = new Map<string, string>();

/** An empty image of a drawing's size, holding its place (and the card's layout) until it is drawn. */
export function illustrationPlaceholder({ width, height }: { width: number; height: number }): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"/>`)}`;
}

/** A dose as the core words it (`Prescription::dose`), with no-break spaces where a line must
 *  not split: a number and its unit ("60 s"), and "x a week". */
export function keepUnits(dose: string): string {
  return dose.replace(/(\d) (?=\S)/g, '$1\u00a0').replace(/x a week/g, 'x\u00a0a\u00a0week');
}
