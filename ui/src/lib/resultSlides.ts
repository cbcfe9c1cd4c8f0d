// The presenter's slides for a check's result (live or saved), beside the plan's in plan.ts: how
// soon to get care with the warning signs, the likely causes as large bars with their reasons,
// the Wells score when the result shows it, then the answers that led there.
import type { Assessment, Ranked, RedFlag, Triage, WellsScore } from './bindings';
import { showsWells } from './check';
import type { AnswerRow } from './history';

export type ResultSlide =
  | { kind: 'care'; title: string; triage: Triage; advice: string; flags: RedFlag[] }
  | { kind: 'causes'; title: string; causes: Ranked[] }
  | { kind: 'wells'; title: string; wells: WellsScore }
  | { kind: 'answers'; title: string; rows: AnswerRow[] };

/** Answers per slide: more would not read across a consultation room. */
export const ANSWERS_PER_SLIDE = 8;

/** `examining`: a physio examined (as the result was shown), which brings the Wells score. */
export function resultSlides(a: Assessment, answers: AnswerRow[], examining: boolean): ResultSlide[] {
  const slides: ResultSlide[] = [{ kind: 'care', title: 'How soon to get care', triage: a.triage, advice: a.triage_advice, flags: a.red_flags }];
  if (a.differential.length > 0) slides.push({ kind: 'causes', title: 'Likely causes', causes: a.differential });
  if (a.wells && showsWells(a, examining)) slides.push({ kind: 'wells', title: 'Wells score for a leg clot', wells: a.wells });
  const pages = Math.ceil(answers.length / ANSWERS_PER_SLIDE);
  for (let i = 0; i < pages; i++) {
    const title = pages > 1 ? `The answers that led there (${i + 1} of ${pages})` : 'The answers that led there';
    slides.push({ kind: 'answers', title, rows: answers.slice(i * ANSWERS_PER_SLIDE, (i + 1) * ANSWERS_PER_SLIDE) });
  }
  return slides;
}

/** A bar's width in percent: never empty (a cause listed is possible) nor full (never certain). */
export function barWidth(p: number): number {
  return Math.max(1, Math.min(99, p * 100));
}
