import { describe, expect, it } from 'vitest';
import type { Assessment } from './bindings';
import type { AnswerRow } from './history';
import { ANSWERS_PER_SLIDE, barWidth, resultSlides } from './resultSlides';

const assessment = (over: Partial<Assessment> = {}): Assessment => ({
  triage: 'urgent', triage_advice: 'See a doctor today.',
  red_flags: [{ id: 'dvt_signs', message: 'A swollen calf after a long journey.', triage: 'urgent' }],
  differential: [
    { condition: 'dvt', name: 'Deep vein thrombosis', probability: 0.6, why: ['whole calf swollen'] },
    { condition: 'calf_strain', name: 'Calf strain', probability: 0.3, why: [] },
  ],
  next_questions: [], disclaimer: 'Not a diagnosis.', engine_version: '1', ...over,
});

const rows = (n: number): AnswerRow[] => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, question: `Q${i}`, answer: 'Yes', unsure: false }));

describe('slides of a result', () => {
  it('goes care (with the warning signs), causes, then the answers', () => {
    const slides = resultSlides(assessment(), rows(3), false);
    expect(slides.map((s) => s.kind)).toEqual(['care', 'causes', 'answers']);
    expect(slides[0]).toMatchObject({ title: 'How soon to get care', triage: 'urgent', advice: 'See a doctor today.' });
    expect(slides[0].kind === 'care' && slides[0].flags.map((f) => f.id)).toEqual(['dvt_signs']);
    expect(slides[1].kind === 'causes' && slides[1].causes.map((c) => c.name)).toEqual(['Deep vein thrombosis', 'Calf strain']);
    expect(slides[2]).toMatchObject({ title: 'The answers that led there' });
  });

  it('adds the Wells score after the causes when the result shows it', () => {
    const wells = { score: 2, dvt_likely: true, items: ['calf swollen over 3 cm (+1)', 'bedridden or after surgery (+1)'] };
    // A clot among the causes: shown, as on the result card.
    const slides = resultSlides(assessment({ wells }), rows(3), false);
    expect(slides.map((s) => s.kind)).toEqual(['care', 'causes', 'wells', 'answers']);
    expect(slides[2]).toMatchObject({ title: 'Wells score for a leg clot', wells });
    // A knot with no clot among the causes and nothing scored: only when a physio examines.
    const knot = assessment({ wells: { score: 0, dvt_likely: false, items: [] }, differential: [{ condition: 'calf_strain', name: 'Calf strain', probability: 0.9, why: [] }] });
    expect(resultSlides(knot, [], false).map((s) => s.kind)).toEqual(['care', 'causes']);
    expect(resultSlides(knot, [], true).map((s) => s.kind)).toEqual(['care', 'causes', 'wells']);
    // No score at all: no slide, even when examining.
    expect(resultSlides(assessment(), [], true).map((s) => s.kind)).toEqual(['care', 'causes']);
  });

  it('splits many answers over numbered slides, none lost', () => {
    const slides = resultSlides(assessment(), rows(ANSWERS_PER_SLIDE + 3), false).filter((s) => s.kind === 'answers');
    expect(slides.map((s) => s.title)).toEqual(['The answers that led there (1 of 2)', 'The answers that led there (2 of 2)']);
    expect(slides.flatMap((s) => (s.kind === 'answers' ? s.rows.map((r) => r.key) : []))).toEqual(rows(ANSWERS_PER_SLIDE + 3).map((r) => r.key));
  });

  it('has no causes or answers slide when there are none', () => {
    expect(resultSlides(assessment({ differential: [] }), [], false).map((s) => s.kind)).toEqual(['care']);
  });

  it('draws bars never empty and never full', () => {
    expect(barWidth(0.001)).toBe(1);
    expect(barWidth(0.999)).toBe(99);
    expect(barWidth(0.5)).toBe(50);
  });
});
