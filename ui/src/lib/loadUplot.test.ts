import { describe, expect, it } from 'vitest';
import { usableLanguage } from './loadUplot';

describe('loadUplot', () => {
  it('tells a language Intl can use from the "C" locale', () => {
    expect(usableLanguage('en-GB')).toBe(true);
    expect(usableLanguage('C')).toBe(false);
    expect(usableLanguage('')).toBe(false);
    expect(usableLanguage(undefined)).toBe(false);
  });
});
