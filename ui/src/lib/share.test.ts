import { describe, expect, it } from 'vitest';
import type { Restored, SavedFile } from './bindings';
import { backupPreview, backupSizeProblem, holds, restoredMessage, title } from './share';

const file = (f: Partial<SavedFile>): SavedFile => ({
  kind: 'report',
  path: '/home/ana/Downloads/Soleus report - Ana - 2026-11-21.html',
  pain_scores: 0,
  sessions: 0,
  checks: 0,
  exercise_completions: 0,
  ...f,
});

const ana = { id: 1, name: 'Ana', created_at: '2026-11-01T08:00:00Z' };
const restored = (r: Partial<Restored>): Restored => ({ profile: ana, created: false, added: 0, already_there: 0, ...r });

describe('what a saved file holds', () => {
  it('names the scores, runs and check in a report', () => {
    expect(holds(file({ pain_scores: 12, sessions: 8, checks: 1 }))).toBe('12 pain scores, 8 runs, your latest check');
    expect(holds(file({ pain_scores: 1, sessions: 1 }))).toBe('1 pain score, 1 run, no saved check yet');
  });

  it('counts everything in a backup and each CSV table', () => {
    expect(holds(file({ kind: 'backup', pain_scores: 3, sessions: 2, checks: 1, exercise_completions: 5 }))).toBe(
      '3 pain scores, 2 training sessions, 1 saved check, 5 exercises done',
    );
    expect(holds(file({ kind: 'pain_csv', pain_scores: 0 }))).toBe('0 pain scores');
    expect(holds(file({ kind: 'sessions_csv', sessions: 1 }))).toBe('1 training session');
    expect(title(file({ kind: 'sessions_csv' }))).toBe('Training sessions saved (CSV)');
  });
});

describe('what a restore did', () => {
  it('says what was added to the profile on screen', () => {
    expect(restoredMessage(restored({ added: 3, already_there: 1 }), 1)).toBe('Added 3 entries to “Ana”; 1 was already there.');
    expect(restoredMessage(restored({ added: 0, already_there: 4 }), 1)).toBe(
      'Everything in this backup was already in “Ana”; nothing changed.',
    );
  });

  it('points to another profile when the backup went there', () => {
    expect(restoredMessage(restored({ created: true, added: 1 }), 2)).toBe(
      'Restored into a new profile, “Ana”: 1 entry added. Find “Ana” by name in the menu at the top to see it.',
    );
  });

  it('refuses files far too large to be a backup before reading them', () => {
    expect(backupSizeProblem(2000)).toBeNull();
    expect(backupSizeProblem(80 * 1024 * 1024)).toBe('This file is 80 MB, too large to be a Soleus backup.');
  });
});

describe('a backup read before it is restored', () => {
  const backup = JSON.stringify({
    format: 'soleus-backup', version: 1, profile: { name: 'Ana Runner', created_at: '2026-11-01T08:00:00Z' },
    pain_entries: [{}, {}], sessions: [{}], assessments: [], exercise_completions: [],
  });
  const ana = { id: 1, name: 'ana runner', created_at: '2026-11-01T08:00:00Z' };

  it('says whose it is, what it holds, and which profile here it would join', () => {
    expect(backupPreview(backup, [ana])).toEqual({ name: 'Ana Runner', holds: '2 pain scores, 1 training session, 0 saved checks', joins: ana });
    expect(backupPreview(backup, [{ ...ana, name: 'Ben' }])?.joins).toBeNull();
  });

  it('leaves anything that does not read as a backup to the core', () => {
    expect(backupPreview('date,score\n2026-11-01,3', [ana])).toBeNull();
    expect(backupPreview('{"profile": {"name": "  "}}', [ana])).toBeNull();
    expect(backupPreview('[1, 2]', [ana])).toBeNull();
  });
});
