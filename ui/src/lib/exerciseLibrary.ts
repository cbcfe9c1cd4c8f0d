// The exercise library, loaded once per window: it is compiled into the app and never changes
// while it runs, and both the Plan and the Exercises screens show its cards.
import { call } from './api';
import type { ExerciseLibrary } from './bindings';

let loading: Promise<ExerciseLibrary> | null = null;

export function loadLibrary(): Promise<ExerciseLibrary> {
  loading ??= call('exercise_library', {}).catch((e) => {
    loading = null; // try again next time
    throw e;
  });
  return loading;
}
