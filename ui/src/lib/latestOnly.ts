// Questions to the core whose replies may come back out of order (another week or person chosen,
// the log changed meanwhile): only the reply to the latest question may land on screen.
import type { AppError } from './api';

/** An asker for one kind of question: `ask(question, reply, failed)` hands the question's value to
 *  `reply`, or its error to `failed`, unless a later question was asked through it since. An
 *  error thrown by `reply` is handed to `failed` too. */
export function latestOnly() {
  let asked = 0;
  return async function ask<T>(question: Promise<T>, reply: (value: T) => void, failed: (error: AppError) => void): Promise<void> {
    const mine = ++asked;
    try {
      const value = await question;
      if (mine === asked) reply(value);
    } catch (e) {
      if (mine === asked) failed(e as AppError);
    }
  };
}
