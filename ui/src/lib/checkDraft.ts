// A check in progress outlives the Check screen: a runner who looks at another tab mid-check
// comes back to the same question. Kept in memory only (per profile), never written to disk:
// only a finished check is saved.
import type { Interview } from './check';

const drafts = new Map<number, Interview>();

export function keepDraft(profileId: number, iv: Interview): void {
  drafts.set(profileId, iv);
}

export function draftOf(profileId: number): Interview | undefined {
  return drafts.get(profileId);
}

export function dropDraft(profileId: number): void {
  drafts.delete(profileId);
}
