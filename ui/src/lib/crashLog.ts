// The crash log notice: shown once per new entry. The window remembers the newest entry the
// person has looked at (in this window's own storage, never sent anywhere) and offers the log
// again only when a later panic added one.
import type { CrashLog } from './bindings';

const SEEN_KEY = 'soleus.crashLogSeen';

/** What identifies the log's newest entry: its time, or for a log without one, its size. */
export function marker(log: CrashLog): string {
  return log.last_at ?? `size:${log.text.length}`;
}

/** True when the log has something the person has not looked at yet. */
export function isNew(log: CrashLog | null, seen: string | null): log is CrashLog {
  return log !== null && marker(log) !== seen;
}

export function seenMarker(): string | null {
  try {
    return localStorage.getItem(SEEN_KEY);
  } catch {
    return null; // storage refused: the notice shows again next time, which is harmless
  }
}

export function markSeen(log: CrashLog): void {
  try {
    localStorage.setItem(SEEN_KEY, marker(log));
  } catch {
    // as above
  }
}
