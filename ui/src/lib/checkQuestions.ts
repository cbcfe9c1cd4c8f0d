// The Check's questions (the knowledge base's findings), read once per window: they are compiled
// into the app and never change while it runs. Fetched alongside the start-up call.
import { call } from './api';
import type { FindingInfo } from './bindings';

let loading: Promise<FindingInfo[]> | null = null;
let loaded: FindingInfo[] | null = null;

export function loadQuestions(): Promise<FindingInfo[]> {
  loading ??= call('check_questions', {}).then(
    (q) => (loaded = q.questions),
    (e) => {
      loading = null; // try again next time
      throw e;
    },
  );
  return loading;
}

/** The questions if they have arrived, so a screen can draw at once instead of waiting a turn. */
export function questionsNow(): FindingInfo[] | null {
  return loaded;
}
