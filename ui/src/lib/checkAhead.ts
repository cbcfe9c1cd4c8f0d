// The check's next step asked for ahead of the click: while a question is on screen, the core is
// asked what each one-click answer to it ("Not sure", yes, no, one of a few choices) leads to, so
// that the click shows the next question without waiting for a round trip to the core. The core
// still decides every step, from the same answers; the window only asks sooner. A typed number
// or a changed answer is asked for when given, as before.
import { call } from './api';
import type { CheckAnswers, CheckStep, FindingInfo } from './bindings';
import { answer, notSure, toArgs, widgetFor, type Answer, type Interview } from './check';

/** Choices beyond this many are asked for when clicked (the body map's dozen regions are). */
const MOST_CHOICES = 6;

/** The answers a question can be given with one click, as the interview after each. */
export function oneClickAnswers(now: Interview, q: FindingInfo): Interview[] {
  const values: Answer[] = [];
  const widget = widgetFor(q);
  if (widget === 'yesno') values.push(true, false);
  else if (widget === 'choice' && q.type === 'enum' && q.values.length <= MOST_CHOICES) values.push(...q.values);
  return [notSure(now, q.key), ...values.map((v) => answer(now, q.key, v))];
}

const keyOf = (args: CheckAnswers) => JSON.stringify(args);

/** One screen's steps asked for ahead; each is used at most once, then all are dropped. */
export class CheckAhead {
  private ahead = new Map<string, Promise<CheckStep>>();

  /** The step for these answers: the one asked for ahead if there is one, else asked now. */
  assess(next: Interview): Promise<CheckStep> {
    const args = toArgs(next);
    const known = this.ahead.get(keyOf(args));
    this.ahead.clear();
    return known ?? call('assess_check', { answers: args });
  }

  /** Asks ahead for the step after each one-click answer to `q` (none when `q` is undefined). */
  prepare(now: Interview, q: FindingInfo | undefined): void {
    this.ahead.clear();
    if (!q) return;
    for (const next of oneClickAnswers(now, q)) {
      const args = toArgs(next);
      const step = call('assess_check', { answers: args });
      // A failure is the click's to show, if that answer is given; none is unhandled meanwhile.
      step.catch(() => {});
      this.ahead.set(keyOf(args), step);
    }
  }

  clear(): void {
    this.ahead.clear();
  }
}
