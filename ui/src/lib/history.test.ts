import { describe, expect, it } from 'vitest';
import type { FindingInfo, SavedAssessment } from './bindings';
import { FEW, answerRows, topLine, pastChecks, savedAnswers, savedResult, shown, wasExamined } from './history';

const result = (triage: string, causes: [string, number][]) => ({
  triage, triage_advice: `advice for ${triage}`, red_flags: [],
  differential: causes.map(([name, probability]) => ({ condition: name.toLowerCase(), name, probability, why: [`because ${name}`] })),
  next_questions: ['x'], disclaimer: 'Not a diagnosis.', engine_version: '1',
});

const saved = (id: number, at: string, r: Record<string, unknown>, c: Record<string, unknown> = { findings: {} }): SavedAssessment =>
  ({ id, created_at: at, engine_version: '1', case: c, result: r });

const base = { ask: '', question: '', labels: [] as string[], clinician: false, red_flag: false };
const questions = new Map<string, FindingInfo>([
  ['onset', { ...base, key: 'onset', question: 'How did the pain start?', type: 'enum', values: ['sudden', 'gradual'], labels: ['Suddenly', 'Gradually'] }],
  ['pop', { ...base, key: 'pop', question: 'Did you feel a pop?', type: 'bool' }],
  ['thompson_test', { ...base, key: 'thompson_test', question: 'Calf squeeze test', clinician: true, type: 'enum', values: ['positive', 'negative'], labels: ['Foot does not move', 'Foot moves'] }],
]);

describe('past checks', () => {
  const now = new Date(2026, 10, 21, 12, 0);
  const list = [
    saved(1, new Date(2026, 10, 7, 9).toISOString(), result('urgent', [['Achilles tendon rupture', 0.995]])),
    saved(3, new Date(2026, 10, 21, 9).toISOString(), result('self_care', [['Calf strain', 0.72], ['Cramp', 0.2]])),
    saved(2, new Date(2026, 10, 20, 9).toISOString(), { weird: true }),
  ];

  it('lists them newest first, dated and summed up in the core words', () => {
    const rows = pastChecks(list, now);
    expect(rows.map((r) => r.id)).toEqual([3, 2, 1]);
    expect(rows[0]).toMatchObject({ date: '21 November 2026 (today)', triage: 'self_care', top: 'Calf strain', chance: '72%' });
    expect(rows[2]).toMatchObject({ date: '7 November 2026 (14 days ago)', triage: 'urgent', top: 'Achilles tendon rupture', chance: 'over 99%' });
  });

  it('words the top cause with its chance, or says there is none', () => {
    const rows = pastChecks(list, now);
    expect(topLine(rows[0])).toBe('Most likely: Calf strain (72%)');
    expect(topLine(rows[1])).toBe('No likely cause recorded');
    expect(topLine({ top: 'Cramp', chance: null })).toBe('Most likely: Cramp');
  });

  it('shows a result whose shape has since changed as missing, not as a crash', () => {
    expect(pastChecks(list, now)[1]).toMatchObject({ date: '20 November 2026 (yesterday)', triage: null, top: null, chance: null });
    expect(savedResult(list[2])).toBeNull();
  });

  it('tells two checks of the same second apart by id', () => {
    const at = '2026-11-21T09:00:00Z';
    expect(pastChecks([saved(4, at, {}), saved(5, at, {})], now).map((r) => r.id)).toEqual([5, 4]);
  });

  it('gives the time of day only to checks that share their day', () => {
    const rows = pastChecks([
      saved(1, new Date(2026, 10, 21, 9, 5).toISOString(), {}),
      saved(2, new Date(2026, 10, 21, 14, 30).toISOString(), {}),
      saved(3, new Date(2026, 10, 7, 9).toISOString(), {}),
    ], now);
    expect(rows.map((r) => r.time)).toEqual(['14:30', '09:05', null]);
  });

  it('shows a few, then all on request', () => {
    const many = Array.from({ length: FEW + 2 }, (_, i) => i);
    expect(shown(many, false)).toEqual(many.slice(0, FEW));
    expect(shown(many, true)).toEqual(many);
  });
});

describe('a saved check read back', () => {
  it('reads its result as an Assessment with nothing left to ask', () => {
    const r = savedResult(saved(1, '2026-11-21T09:00:00Z', result('clinician', [['Calf strain', 0.6]])))!;
    expect(r.triage).toBe('clinician');
    expect(r.differential[0].why).toEqual(['because Calf strain']);
    expect(r.disclaimer).toBe('Not a diagnosis.');
  });

  it('refuses a result missing the reasons of a cause', () => {
    const r = result('clinician', [['Calf strain', 0.6]]);
    delete (r.differential[0] as { why?: string[] }).why;
    expect(savedResult(saved(1, '2026-11-21T09:00:00Z', r))).toBeNull();
  });

  it('words the answers as the questions offered them, not sure last, unknown keys as they are', () => {
    const s = saved(1, '2026-11-21T09:00:00Z', {}, { findings: { onset: 'gradual', pop: false, retired_key: 3 }, not_known: ['thompson_test'] });
    expect(savedAnswers(s, questions)).toEqual([
      { key: 'onset', question: 'How did the pain start?', answer: 'Gradually', unsure: false },
      { key: 'pop', question: 'Did you feel a pop?', answer: 'No', unsure: false },
      { key: 'retired_key', question: 'retired_key', answer: '3', unsure: false },
      { key: 'thompson_test', question: 'Calf squeeze test', answer: 'Not sure', unsure: true },
    ]);
    expect(answerRows({ pop: true }, [], questions)[0].answer).toBe('Yes');
    // The questionnaire's order, whatever order the saved JSON kept.
    expect(answerRows({ pop: true, onset: 'sudden' }, [], questions).map((r) => r.key)).toEqual(['onset', 'pop']);
  });

  it('was examined by a physio only when an examination test was answered', () => {
    expect(wasExamined(saved(1, 'x', {}, { findings: { onset: 'sudden' } }), questions)).toBe(false);
    expect(wasExamined(saved(1, 'x', {}, { findings: { thompson_test: 'positive' } }), questions)).toBe(true);
  });
});
