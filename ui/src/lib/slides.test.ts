import { describe, expect, it } from 'vitest';
import type { AnswerRow, Chance, ResultView, WellsView } from './bindings';
import { item, phase, plan, section } from './plan.fixtures';
import { ANSWERS_PER_SLIDE, buildSlides, nextSlide, resultSlides } from './slides';

const chance = (name: string, words: string, share: number): Chance =>
  ({ condition: name.toLowerCase(), name, band: words.replace(' ', '_'), words, figure: `about ${share * 100}%`, share, why: [] });

const view = (over: Partial<ResultView> = {}): ResultView => ({
  assessment: {
    triage: 'urgent', triage_advice: 'See a doctor today.',
    red_flags: [{ id: 'dvt_signs', message: 'A swollen calf after a long journey.', triage: 'urgent' }],
    differential: [], next_questions: [], disclaimer: 'Not a diagnosis.', engine_version: '1',
  },
  chances: [chance('Deep vein thrombosis', 'likely', 0.6), chance('Calf strain', 'possible', 0.3)],
  wells: null,
  ...over,
});

const rows = (n: number): AnswerRow[] => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, group: 'history', question: `Q${i}`, answer: 'Yes', unsure: false }));

describe('slides of a result', () => {
  it('goes care (with the warning signs), causes, then the answers', () => {
    const slides = resultSlides(view(), rows(3));
    expect(slides.map((s) => s.kind)).toEqual(['care', 'causes', 'answers']);
    expect(slides[0]).toMatchObject({ title: 'How soon to get care', triage: 'urgent', advice: 'See a doctor today.' });
    expect(slides[0].kind === 'care' && slides[0].flags.map((f) => f.id)).toEqual(['dvt_signs']);
    expect(slides[1].kind === 'causes' && slides[1].causes.map((c) => c.words)).toEqual(['likely', 'possible']);
    expect(slides[2]).toMatchObject({ title: 'The answers that led there' });
  });

  it('adds the Wells score after the causes when the core sends it', () => {
    const wells: WellsView = { state: 'incomplete', score: 1, known: 4, total: 10, says: 'Incomplete: 4 of 10 items known.', items: [], missing: [] };
    const slides = resultSlides(view({ wells }), rows(3));
    expect(slides.map((s) => s.kind)).toEqual(['care', 'causes', 'wells', 'answers']);
    expect(slides[2]).toMatchObject({ title: 'Wells score for a leg clot', wells });
  });

  it('splits many answers over numbered slides, none lost', () => {
    const slides = resultSlides(view(), rows(ANSWERS_PER_SLIDE + 3)).filter((s) => s.kind === 'answers');
    expect(slides.map((s) => s.title)).toEqual(['The answers that led there (1 of 2)', 'The answers that led there (2 of 2)']);
    expect(slides.flatMap((s) => (s.kind === 'answers' ? s.rows.map((r) => r.key) : []))).toEqual(rows(ANSWERS_PER_SLIDE + 3).map((r) => r.key));
  });

  it('has no causes or answers slide when there are none', () => {
    expect(resultSlides(view({ chances: [] }), []).map((s) => s.kind)).toEqual(['care']);
  });
});

describe('presenter slides', () => {
  const p = plan([
    section('care', [item('See a doctor today.', 'T')]),
    section('now', [item('Ice it.', 'S')]),
    section('rehab', [], { phases: [phase('Settle', ['a']), phase('Strength', ['b', 'c'])] }),
    section('recovery', [item('6 weeks', 'R')]),
  ]);

  it('has an overview, one slide per section, and one per rehab phase', () => {
    const slides = buildSlides({ plan: p });
    expect(slides.map((s) => s.kind)).toEqual(['overview', 'section', 'section', 'phase', 'phase', 'section']);
    expect(slides[1].title).toBe('care');
    expect(slides[4]).toMatchObject({ kind: 'phase', title: 'rehab: phase 2 of 2' });
    expect(slides[4].kind === 'phase' && slides[4].exercises.map((e) => e.id)).toEqual(['b', 'c']);
  });

  it('keeps a held-back rehab section as one slide without exercises', () => {
    const held = plan([section('rehab', [], { held_back: 'Wait.', phases: [phase('Settle', [])] })]);
    expect(buildSlides({ plan: held }).map((s) => s.kind)).toEqual(['overview', 'section']);
  });

  it('moves with the keys and stops at the ends', () => {
    expect(nextSlide(0, 5, 'ArrowRight')).toBe(1);
    expect(nextSlide(4, 5, 'ArrowRight')).toBe(4);
    expect(nextSlide(0, 5, 'ArrowLeft')).toBe(0);
    expect(nextSlide(3, 5, 'Home')).toBe(0);
    expect(nextSlide(1, 5, 'End')).toBe(4);
    expect(nextSlide(1, 5, 'x')).toBeNull();
  });
});
