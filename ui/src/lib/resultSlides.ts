// The presenter's slides for a check's result (live or saved), beside the plan's in plan.ts: how
// soon to get care with the warning signs, the likely causes as large bars with their reasons,
// the Wells score when the core sends it, then the answers that led there.
import type { AnswerRow, Chance, RedFlag, ResultView, Triage, WellsView } from './bindings';

export type ResultSlide =
  | { kind: 'care'; title: string; triage: Triage; advice: string; flags: RedFlag[] }
  | { kind: 'causes'; title: string; causes: Chance[] }
  | { kind: 'wells'; title: string; wells: WellsView }
  | { kind: 'answers'; title: string; rows: AnswerRow[] };

/** Answers per slide: more would not read across a consultation room. */
export const ANSWERS_PER_SLIDE = 8;

export function resultSlides(r: ResultView, answers: AnswerRow[]): ResultSlide[] {
  const a = r.assessment;
  const slides: ResultSlide[] = [{ kind: 'care', title: 'How soon to get care', triage: a.triage, advice: a.triage_advice, flags: a.red_flags }];
  if (r.chances.length > 0) slides.push({ kind: 'causes', title: 'Likely causes', causes: r.chances });
  if (r.wells) slides.push({ kind: 'wells', title: 'Wells score for a leg clot', wells: r.wells });
  const pages = Math.ceil(answers.length / ANSWERS_PER_SLIDE);
  for (let i = 0; i < pages; i++) {
    const title = pages > 1 ? `The answers that led there (${i + 1} of ${pages})` : 'The answers that led there';
    slides.push({ kind: 'answers', title, rows: answers.slice(i * ANSWERS_PER_SLIDE, (i + 1) * ANSWERS_PER_SLIDE) });
  }
  return slides;
}

/** A bar's width in percent, from the core's rounded share: never empty nor full. */
export function barWidth(share: number): number {
  return Math.max(1, Math.min(99, Math.round(share * 100)));
}
