// Checks the person's input as they type, with the same rules the core enforces (the core
// checks again: this only saves a round trip and says it sooner).
import { MAX_PROFILE_NAME_CHARS } from './bindings';

/** Why a proposed profile name cannot be used, or null when it can. */
export function profileNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'Type a name: at least one letter or digit.';
  const chars = [...trimmed].length;
  if (chars > MAX_PROFILE_NAME_CHARS) {
    return `A name can be at most ${MAX_PROFILE_NAME_CHARS} characters; this one has ${chars}.`;
  }
  return null;
}
