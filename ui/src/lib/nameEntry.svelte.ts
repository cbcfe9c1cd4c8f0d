// A name typed for a new profile (first launch, a new patient): checked once the person has
// tried to save it, saved once at a time.
import { profileNameProblem } from './validation';

export function nameEntry(save: (name: string) => Promise<unknown>) {
  let name = $state('');
  let touched = $state(false);
  let busy = $state(false);
  return {
    get name() {
      return name;
    },
    set name(value: string) {
      name = value;
    },
    /** Why the name cannot be saved, once a save was tried; null otherwise. */
    get problem() {
      return touched ? profileNameProblem(name) : null;
    },
    get busy() {
      return busy;
    },
    async submit(event: SubmitEvent) {
      event.preventDefault();
      touched = true;
      if (profileNameProblem(name) || busy) return;
      busy = true;
      try {
        await save(name);
      } finally {
        busy = false;
      }
    },
  };
}
