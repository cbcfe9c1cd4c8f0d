// Choosing a file to import: which ones the log takes, and what to tell the person afterwards.
import type { FileOutcome } from './bindings';

export const ACCEPT = '.gpx,.tcx,.fit,.gz,.csv';
/** The largest file the window sends (the core reads up to 50 MB; a year of Strava is ~1 MB, a
 *  day-long run at a point a second about 20 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export function sizeProblem(bytes: number): string | null {
  return bytes > MAX_IMPORT_BYTES ? `This file is ${(bytes / 1024 / 1024).toFixed(0)} MB; Soleus imports files of up to 20 MB.` : null;
}

export function outcomeMessage(o: FileOutcome): string {
  const what = o.kind === 'pain_csv' ? ['pain score', 'pain scores'] : ['session', 'sessions'];
  const n = (k: number) => `${k} ${k === 1 ? what[0] : what[1]}`;
  if (o.added === 0 && o.duplicates > 0) return `${o.path}: everything in it was already in your log.`;
  if (o.added === 0) return `${o.path}: there was nothing in it to import.`;
  return `${o.path}: ${n(o.added)} added${o.duplicates > 0 ? `, ${o.duplicates} already in your log` : ''}.`;
}
