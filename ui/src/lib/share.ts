// Share and back up: what to tell the person about a file just saved or a backup restored.
import type { Restored, SavedFile } from './bindings';

/** A backup is JSON text; a year of daily scores and runs is well under 1 MB. */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;
export const ACCEPT_BACKUP = '.json,application/json';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What a saved file holds, e.g. "12 pain scores, 8 runs, your latest check". */
export function holds(f: SavedFile): string {
  switch (f.kind) {
    case 'report':
      return [
        count(f.pain_scores, 'pain score', 'pain scores'),
        count(f.sessions, 'run', 'runs'),
        f.checks > 0 ? 'your latest check' : 'no saved check yet',
      ].join(', ');
    case 'backup':
      return [
        count(f.pain_scores, 'pain score', 'pain scores'),
        count(f.sessions, 'training session', 'training sessions'),
        count(f.checks, 'saved check', 'saved checks'),
        count(f.exercise_completions, 'exercise done', 'exercises done'),
      ].join(', ');
    case 'pain_csv':
      return count(f.pain_scores, 'pain score', 'pain scores');
    case 'sessions_csv':
      return count(f.sessions, 'training session', 'training sessions');
  }
}

/** What a saved file is, as a heading for its path. */
export function title(f: SavedFile): string {
  switch (f.kind) {
    case 'report':
      return 'Report saved';
    case 'backup':
      return 'Backup saved';
    case 'pain_csv':
      return 'Pain log saved (CSV)';
    case 'sessions_csv':
      return 'Training sessions saved (CSV)';
  }
}

/** What a restore did, and where to look for it when it went into another profile. */
export function restoredMessage(r: Restored, activeProfileId: number): string {
  const rows = count(r.added, 'entry', 'entries');
  const name = `“${r.profile.name}”`;
  const already = r.already_there > 0 ? `; ${r.already_there} ${r.already_there === 1 ? 'was' : 'were'} already there` : '';
  let message: string;
  if (r.created) message = `Restored into a new profile, ${name}: ${rows} added.`;
  else if (r.added === 0) message = `Everything in this backup was already in ${name}; nothing changed.`;
  else message = `Added ${rows} to ${name}${already}.`;
  if (r.profile.id !== activeProfileId) message += ` Choose ${name} from the profile menu at the top to see it.`;
  return message;
}

export function backupSizeProblem(bytes: number): string | null {
  return bytes > MAX_BACKUP_BYTES
    ? `This file is ${(bytes / 1024 / 1024).toFixed(0)} MB, too large to be a Soleus backup.`
    : null;
}
