import { describe, expect, it } from 'vitest';
import type { FindingInfo } from './bindings';
import {
  answer, answeredCount, examine, forget, isAlarming, newInterview, notSure, parseNumber, summarize, toArgs, widgetFor,
} from './check';

const base = { ask: '', question: '', labels: [] as string[], clinician: false, red_flag: false };
const pop: FindingInfo = { ...base, key: 'pop', type: 'bool' };
const location: FindingInfo = { ...base, key: 'location', type: 'enum', values: ['behind_knee', 'achilles'], labels: ['Behind the knee', 'The tendon above the heel'] };
const onset: FindingInfo = { ...base, key: 'onset', type: 'enum', values: ['sudden', 'gradual'], labels: ['Suddenly', 'Gradually'] };
const age: FindingInfo = { ...base, key: 'age', type: 'integer', min: 5, max: 110 };
const calf: FindingInfo = { ...base, key: 'calf_circumference_diff_cm', type: 'number', min: 0, max: 30 };

describe('which widget a question gets', () => {
  it('gives yes/no, the body map for location, a choice list, or a number', () => {
    expect(widgetFor(pop)).toBe('yesno');
    expect(widgetFor(location)).toBe('bodymap');
    expect(widgetFor(onset)).toBe('choice');
    expect(widgetFor(age)).toBe('number');
    expect(widgetFor(calf)).toBe('number');
  });
});

describe('typed numbers', () => {
  it('accepts numbers in range, with a comma or a point', () => {
    expect(parseNumber(' 42 ', age)).toEqual({ ok: true, value: 42 });
    expect(parseNumber('2,5', calf)).toEqual({ ok: true, value: 2.5 });
    expect(parseNumber('0', calf)).toEqual({ ok: true, value: 0 });
  });

  it('names the range when a number is missing, wrong or outside it', () => {
    expect(parseNumber('', age)).toEqual({ ok: false, error: 'Type a whole number from 5 to 110.' });
    expect(parseNumber('200', age)).toEqual({ ok: false, error: '200 is outside the range. Type a whole number from 5 to 110.' });
    expect(parseNumber('4', age).ok).toBe(false);
    expect(parseNumber('40.5', age)).toEqual({ ok: false, error: 'Use a whole number. Type a whole number from 5 to 110.' });
    expect(parseNumber('forty', age)).toEqual({ ok: false, error: '"forty" is not a number. Type a whole number from 5 to 110.' });
    expect(parseNumber('1e1', age).ok).toBe(false);
    expect(parseNumber('-1', calf)).toEqual({ ok: false, error: '-1 is outside the range. Type a number from 0 to 30.' });
  });
});

describe('answers', () => {
  it('an answer replaces "not sure", "not sure" replaces an answer, and forget clears both', () => {
    let iv = newInterview(false);
    iv = notSure(iv, 'pop');
    iv = notSure(iv, 'pop');
    expect(iv.notKnown).toEqual(['pop']);
    iv = answer(iv, 'pop', true);
    expect(iv).toEqual({ findings: { pop: true }, notKnown: [], examining: false, notes: '' });
    iv = notSure(answer(iv, 'age', 40), 'age');
    expect(iv.findings).toEqual({ pop: true });
    expect(iv.notKnown).toEqual(['age']);
    expect(answeredCount(iv)).toBe(1);
    iv = forget(forget(iv, 'age'), 'pop');
    expect(toArgs(iv)).toEqual({ findings: {}, not_known: [], examining: false });
  });

  it('takes the examination form in one go: values set, "not tested" cleared, a physio examining from then on', () => {
    let iv = notSure(answer(answer(newInterview(false), 'pop', true), 'thompson_test', 'positive'), 'pitting_oedema');
    iv = examine(iv, { pitting_oedema: true, calf_circumference_diff_cm: 2.5 }, ['thompson_test']);
    expect(iv.findings).toEqual({ pop: true, pitting_oedema: true, calf_circumference_diff_cm: 2.5 });
    expect(iv.notKnown).toEqual([]);
    expect(iv.examining).toBe(true);
    // The notes stay out of the answers the engine reads.
    expect(toArgs({ ...iv, notes: 'Tender.' })).toEqual({ findings: iv.findings, not_known: [], examining: true });
  });
});

describe('triage', () => {
  it('treats urgent and emergency as alarming (their banner goes above the result), not the others', () => {
    expect(isAlarming('emergency') && isAlarming('urgent')).toBe(true);
    expect(isAlarming('clinician') || isAlarming('self_care')).toBe(false);
  });
});

describe('a saved check', () => {
  const saved = (result: Record<string, unknown>) => ({ id: 1, created_at: '2026-03-05T10:00:00Z', engine_version: 'x', case: {}, result, notes: '' });

  it('is summed up by its triage and top cause', () => {
    const s = summarize(saved({ triage: 'urgent', differential: [{ name: 'Achilles tendon rupture' }, { name: 'Other' }] }));
    expect(s).toEqual({ triage: 'urgent', top: 'Achilles tendon rupture' });
  });

  it('of an older shape shows what is missing as missing', () => {
    expect(summarize(saved({ triage: 'soonish', differential: 'none' }))).toEqual({ triage: null, top: null });
  });
});

describe('a check in progress', () => {
  it('is kept per profile until dropped', async () => {
    const { draftOf, dropDraft, keepDraft } = await import('./checkDraft');
    const iv = answer(newInterview(true), 'pop', true);
    keepDraft(1, iv);
    expect(draftOf(1)).toEqual(iv);
    expect(draftOf(2)).toBeUndefined();
    dropDraft(1);
    expect(draftOf(1)).toBeUndefined();
  });
});
