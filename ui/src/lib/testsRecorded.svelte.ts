// A count of the return-to-run tests recorded since the app opened: the week calendar reads it so
// a test saved in the return-to-run panel moves the calendar's phases at once (the core decides
// the phases from the recorded tests; this only says "ask again").
let count = $state(0);

export const testsRecorded = {
  get count(): number {
    return count;
  },
  /** Called once a test is saved. */
  bump(): void {
    count += 1;
  },
};
