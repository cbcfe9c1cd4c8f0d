// The presenter's slides: a plan's (an overview, a slide per section, one per rehab phase) or a
// check result's (how soon to get care with the warning signs, the likely causes as large bars
// with their reasons, the Wells score when the core sends it, then the answers that led there).
import type { AnswerRow, Chance, PlannedExercise, Plan, RedFlag, RehabPhase, ResultView, SavedPlan, Section, Triage, WellsView } from './bindings';

/** One screen of the presenter: a plan's, or a result's. */
export type Slide =
  | { kind: 'overview'; title: string; plan: Plan }
  | { kind: 'section'; title: string; section: Section }
  | { kind: 'phase'; title: string; phase: RehabPhase; exercises: PlannedExercise[] }
  | ResultSlide;

/**
 * The presenter's slides: an overview, then one per section in the plan's order; a rehab
 * programme gets one slide per phase so that its exercises can be drawn large.
 */
export function buildSlides(saved: Pick<SavedPlan, 'plan'>): Slide[] {
  const slides: Slide[] = [{ kind: 'overview', title: saved.plan.title, plan: saved.plan }];
  for (const s of saved.plan.sections) {
    const phases = s.phases ?? [];
    if (s.kind === 'rehab' && !s.held_back && phases.some((p) => p.exercises.length > 0)) {
      phases.forEach((p, i) => slides.push({ kind: 'phase', title: `${s.title}: phase ${i + 1} of ${phases.length}`, phase: p, exercises: p.exercises }));
    } else {
      slides.push({ kind: 'section', title: s.title, section: s });
    }
  }
  return slides;
}

/** The slide a key moves to, or null when the key does nothing. */
export function nextSlide(current: number, count: number, key: string): number | null {
  if (key === 'ArrowRight' || key === 'PageDown' || key === ' ') return Math.min(current + 1, count - 1);
  if (key === 'ArrowLeft' || key === 'PageUp') return Math.max(current - 1, 0);
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

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
