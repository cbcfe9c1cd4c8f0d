// Share and back up: what to tell the person about a file just saved or a backup restored.
import { MAX_BACKUP_BYTES, type Profile, type Restored, type SavedFile } from './bindings';
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

/** Where a file went, in words: its folder's name and its own, never the full path. */
export function savedWhere(f: SavedFile): string {
  const parts = f.path.split(/[\\/]/).filter(Boolean);
  const name = parts[parts.length - 1] ?? f.path;
  const folder = parts.length > 1 ? parts[parts.length - 2] : '';
  return folder ? `Saved in your ${folder} folder as “${name}”.` : `Saved as “${name}”.`;
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
  if (r.profile.id !== activeProfileId) message += ` Find ${name} by name in the menu at the top to see it.`;
  return message;
}

export function backupSizeProblem(bytes: number): string | null {
  return bytes > MAX_BACKUP_BYTES
    ? `This file is ${(bytes / 1024 / 1024).toFixed(0)} MB, too large to be a Soleus backup.`
    : null;
}

/** What a chosen backup file says it holds, read before anything is restored. */
export interface BackupPreview {
  name: string;
  holds: string;
  /** The profile here with the backup's name, which the restore would add to; none: a new one. */
  joins: Profile | null;
}

/** The preview of a backup's text, or null when it does not read as one (the core then says
 *  exactly what is wrong with it). Profile names match as the core matches them: ignoring case. */
export function backupPreview(text: string, profiles: Profile[]): BackupPreview | null {
  let b: unknown;
  try {
    b = JSON.parse(text);
  } catch {
    return null;
  }
  const backup = b as { profile?: { name?: unknown }; pain_entries?: unknown[]; sessions?: unknown[]; assessments?: unknown[] };
  const name = backup?.profile?.name;
  if (typeof name !== 'string' || !name.trim()) return null;
  const n = (xs: unknown) => (Array.isArray(xs) ? xs.length : 0);
  const holds = [
    count(n(backup.pain_entries), 'pain score', 'pain scores'),
    count(n(backup.sessions), 'training session', 'training sessions'),
    count(n(backup.assessments), 'saved check', 'saved checks'),
  ].join(', ');
  const joins = profiles.find((p) => p.name.toLowerCase() === name.trim().toLowerCase()) ?? null;
  return { name: name.trim(), holds, joins };
}
