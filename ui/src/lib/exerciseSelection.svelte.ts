// Which exercise the Exercises tab shows, shared with the Plan screen: a plan's exercise card
// opens it there. A stack, so that Back after following a progression returns to the exercise
// it came from, and, for one opened from the plan, to the plan. It outlives the screens, so it
// belongs to the profile that opened it: another person's Exercises tab starts at the library.
let stack: string[] = $state([]);
let fromPlan = $state(false);
let owner: number | null = null;

export const selection = {
  /** The exercise shown, or null for the library. */
  get id(): string | null {
    return stack.length ? stack[stack.length - 1] : null;
  },
  /** True when Back leads to the Plan tab. */
  get backToPlan(): boolean {
    return fromPlan && stack.length === 1;
  },
  /** Opens an exercise from the profile's plan: Back returns there. */
  openFromPlan(profileId: number, id: string): void {
    owner = profileId;
    stack = [id];
    fromPlan = true;
  },
  /** The Exercises tab opens for this profile: what another profile had open is closed. */
  belongTo(profileId: number): void {
    if (owner === profileId) return;
    owner = profileId;
    stack = [];
    fromPlan = false;
  },
  /** Opens an exercise from the library or from another exercise. */
  open(id: string): void {
    if (stack.length === 0) fromPlan = false;
    stack = [...stack, id];
  },
  back(): void {
    stack = stack.slice(0, -1);
    if (stack.length === 0) fromPlan = false;
  },
  /** Back to the library, whatever was open. */
  clear(): void {
    stack = [];
    fromPlan = false;
  },
};
