// Which saved check the Plan tab shows, chosen from the past checks on the Check tab: none means
// the latest. Kept per profile, so switching person never shows another person's chosen check.
let chosen = $state<{ profileId: number; checkId: number } | null>(null);

export const checkChoice = {
  /** The chosen check of this profile, or null for the latest. */
  of(profileId: number): number | null {
    return chosen && chosen.profileId === profileId ? chosen.checkId : null;
  },
  choose(profileId: number, checkId: number): void {
    chosen = { profileId, checkId };
  },
  /** Back to the latest check's plan. */
  clear(): void {
    chosen = null;
  },
  /** A deleted check is no longer chosen. */
  forget(checkId: number): void {
    if (chosen?.checkId === checkId) chosen = null;
  },
};
