// Finding a person by name without showing anyone else's: a physio's patients are private from
// each other, so the picker lists no name until a search asks for it, and then only the names
// that match.
import type { Profile } from './bindings';

/** How many letters a search needs before any name is shown: one letter would list half the clinic. */
export const MIN_SEARCH_CHARS = 2;
/** At most this many matches are shown; a longer list means the search should be narrowed. */
export const MAX_MATCHES = 6;

/** Lower case, accents removed, punctuation as spaces: "Élodie" is found by "elo", "O'Brien" by "bri". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().replace(/[\s\-'’.,]+/gu, ' ').trim();
}

/**
 * The profiles whose name has a word starting with `query` (at least [MIN_SEARCH_CHARS]
 * letters), without the one already open, at most [MAX_MATCHES], in alphabetical order; and
 * how many more matched.
 */
export function findPatients(profiles: Profile[], query: string, openId: number | null): { shown: Profile[]; more: number } {
  const q = fold(query);
  if ([...q.replace(/ /g, '')].length < MIN_SEARCH_CHARS) return { shown: [], more: 0 };
  // A match starts a word: the query after a space, in the name after a space.
  const matches = profiles
    .filter((p) => p.id !== openId && ` ${fold(p.name)}`.includes(` ${q}`))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { shown: matches.slice(0, MAX_MATCHES), more: Math.max(0, matches.length - MAX_MATCHES) };
}
