import { describe, expect, it } from 'vitest';
import { outcomeMessage, sizeProblem } from './importFile';

const outcome = { path: 'run.gpx', kind: 'gpx' as const, added: 1, duplicates: 0, error: null };

describe('importing a chosen file', () => {
  it('says what was added and what was there already', () => {
    expect(outcomeMessage(outcome)).toBe('run.gpx: 1 session added.');
    expect(outcomeMessage({ ...outcome, path: 'log.csv', kind: 'pain_csv', added: 12, duplicates: 3 })).toBe(
      'log.csv: 12 pain scores added, 3 already in your log.',
    );
    expect(outcomeMessage({ ...outcome, added: 0, duplicates: 1 })).toBe('run.gpx: everything in it was already in your log.');
  });

  it('refuses files too large to send to the core', () => {
    expect(sizeProblem(1024)).toBeNull();
    expect(sizeProblem(30 * 1024 * 1024)).toBe('This file is 30 MB; Soleus imports files of up to 20 MB.');
  });
});
