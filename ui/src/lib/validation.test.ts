import { describe, expect, it } from 'vitest';
import { MAX_PROFILE_NAME_CHARS } from './bindings';
import { profileNameProblem } from './validation';

describe('profileNameProblem', () => {
  it('accepts an ordinary name, trimmed', () => {
    expect(profileNameProblem('  Ana  ')).toBeNull();
  });

  it('refuses empty and whitespace-only names', () => {
    expect(profileNameProblem('')).toMatch(/Type a name/);
    expect(profileNameProblem(' \t ')).toMatch(/Type a name/);
  });

  it('counts characters, not bytes, against the core limit', () => {
    expect(MAX_PROFILE_NAME_CHARS).toBe(100);
    expect(profileNameProblem('é'.repeat(100))).toBeNull();
    expect(profileNameProblem('a'.repeat(101))).toMatch(/at most 100 characters; this one has 101/);
  });
});
