import { describe, expect, it } from 'vitest';
import { findPatients, MAX_MATCHES } from './patients';

const p = (id: number, name: string) => ({ id, name, created_at: '2026-11-01T08:00:00Z' });
const clinic = [p(1, 'Ana Runner'), p(2, 'Ben Okafor'), p(3, 'Élodie Anand'), p(4, 'Annie Walsh'), p(5, "Sean O'Brien")];

describe('finding a patient by name', () => {
  it('shows nobody before the search has two letters', () => {
    expect(findPatients(clinic, '', null).shown).toEqual([]);
    expect(findPatients(clinic, 'a', null).shown).toEqual([]);
    expect(findPatients(clinic, '  a ', null).shown).toEqual([]);
  });

  it('matches the start of any word of the name, ignoring case and accents', () => {
    expect(findPatients(clinic, 'an', null).shown.map((x) => x.name)).toEqual(['Ana Runner', 'Annie Walsh', 'Élodie Anand']);
    expect(findPatients(clinic, 'ELO', null).shown.map((x) => x.name)).toEqual(['Élodie Anand']);
    expect(findPatients(clinic, 'bri', null).shown.map((x) => x.name)).toEqual(["Sean O'Brien"]);
    // Inside a word is not a match: "na" would otherwise find Ana and Anand.
    expect(findPatients(clinic, 'na', null).shown).toEqual([]);
  });

  it('leaves out the person already open', () => {
    expect(findPatients(clinic, 'an', 1).shown.map((x) => x.id)).toEqual([4, 3]);
  });

  it('shows a few and counts the rest', () => {
    const many = Array.from({ length: MAX_MATCHES + 3 }, (_, i) => p(i + 1, `Sam ${String.fromCharCode(65 + i)}`));
    const found = findPatients(many, 'sam', null);
    expect(found.shown).toHaveLength(MAX_MATCHES);
    expect(found.more).toBe(3);
  });
});
