import { describe, expect, it } from 'vitest';
import type { AnswerRow, Chance, ResultView, WellsView } from './bindings';
import { ANSWERS_PER_SLIDE, barWidth, resultSlides } from './resultSlides';

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

  it('never draws a bar empty or full', () => {
    expect(barWidth(0)).toBe(1);
    expect(barWidth(1)).toBe(99);
    expect(barWidth(0.55)).toBe(55);
  });
});
