import { describe, expect, it } from 'vitest';
import type { SavedCheck } from './bindings';
import { FEW, topLine, pastChecks, shown } from './history';

const result = (triage: string, causes: [string, number][]) => ({
  triage, triage_advice: `advice for ${triage}`, red_flags: [],
  differential: causes.map(([name, probability]) => ({ condition: name.toLowerCase(), name, probability, why: [`because ${name}`] })),
  next_questions: ['x'], disclaimer: 'Not a diagnosis.', engine_version: '1',
});

/** A saved check as the core sends it: its row, and its view when the result reads (the top
 *  cause's chance in the core's words). */
const saved = (id: number, at: string, r: Record<string, unknown>, words: string | null = null): SavedCheck => ({
  saved: { id, created_at: at, engine_version: '1', case: { findings: {} }, result: r, notes: '' },
  view: words === null ? null : {
    assessment: r as never,
    chances: [{ condition: 'c', name: 'C', band: words.replace(' ', '_'), words, figure: 'about 70%', share: 0.7, why: [] }],
    wells: null,
  },
  answers: [],
  examined: false,
});

describe('past checks', () => {
  const now = new Date(2026, 10, 21, 12, 0);
  const list = [
    saved(1, new Date(2026, 10, 7, 9).toISOString(), result('urgent', [['Achilles tendon rupture', 0.995]]), 'very likely'),
    saved(3, new Date(2026, 10, 21, 9).toISOString(), result('self_care', [['Calf strain', 0.72], ['Cramp', 0.2]]), 'likely'),
    saved(2, new Date(2026, 10, 20, 9).toISOString(), { weird: true }),
  ];

  it('lists them newest first, dated and summed up in the core words', () => {
    const rows = pastChecks(list, now);
    expect(rows.map((r) => r.id)).toEqual([3, 2, 1]);
    expect(rows[0]).toMatchObject({ date: 'Sat 21 Nov 2026 (today)', triage: 'self_care', top: 'Calf strain', chance: 'likely' });
    expect(rows[2]).toMatchObject({ date: 'Sat 7 Nov 2026 (14 days ago)', triage: 'urgent', top: 'Achilles tendon rupture', chance: 'very likely' });
  });

  it('words the top cause with its chance, or says there is none, never a percentage of its own', () => {
    const rows = pastChecks(list, now);
    expect(topLine(rows[0])).toBe('Most likely: Calf strain (likely)');
    expect(topLine(rows[1])).toBe('No likely cause recorded');
    expect(topLine({ top: 'Cramp', chance: null })).toBe('Most likely: Cramp');
    // A cause a clinician confirmed is named as confirmed, with who, not as a chance.
    const confirmed = { condition: 'soleus_strain', name: 'Soleus strain', by: 'Sam Lee', at: '2026-11-21T09:00:00Z' };
    expect(topLine({ ...rows[0], check: { ...rows[0].check, confirmed } })).toBe('Confirmed: Soleus strain (Sam Lee)');
    for (const r of rows) expect(topLine(r)).not.toMatch(/%/);
  });

  it('shows a result whose shape has since changed as missing, not as a crash', () => {
    expect(pastChecks(list, now)[1]).toMatchObject({ date: 'Fri 20 Nov 2026 (yesterday)', triage: null, top: null, chance: null });
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
