// Scoring a run: the moments' words, where a refusal from the core is shown, and a run's scores
// in a line. Nothing medical is decided here: the verdicts and their sentences are the core's
// (`log::review::pain_monitoring`).
import type { RunCheck, RunMoment, RunVerdict } from './bindings';

export const MOMENTS: { value: RunMoment; label: string }[] = [
  { value: 'during', label: 'During' },
  { value: 'after', label: 'Right after' },
  { value: 'next_morning', label: 'Next morning' },
];

/** The field of the run-scoring form a refusal belongs beside. */
export type RunField = 'run' | 'moment' | 'score' | 'site' | 'form';

/** Which field the core's error code is about, so its message is shown beside that field. */
export function fieldOf(code: string): RunField {
  switch (code) {
    case 'log_score_before_run':
    case 'log_next_morning_on_run_day':
    case 'log_bad_run_moment':
    case 'log_duplicate_entry':
      return 'moment';
    case 'log_score_out_of_range':
      return 'score';
    case 'log_bad_site':
      return 'site';
    case 'log_run_not_found':
      return 'run';
    default:
      return 'form';
  }
}

/** "During 3 · Right after 4 · Next morning —": each moment's highest score. */
export function scoresLine(run: RunCheck): string {
  const at = (score: number | null) => (score === null ? '—' : `${score}/10`);
  return `During ${at(run.during)} · Right after ${at(run.after)} · Next morning ${at(run.next_morning)}`;
}

/** How a verdict is shown: a word and a tone (the sentence beside it is the core's). */
export const VERDICT: Record<RunVerdict, { word: string; tone: 'good' | 'warn' | 'neutral' }> = {
  within: { word: 'Settled', tone: 'good' },
  too_much_during: { word: 'Too painful during', tone: 'warn' },
  too_much_after: { word: 'Too painful after', tone: 'warn' },
  not_settled: { word: 'Not settled', tone: 'warn' },
  awaiting_morning: { word: 'Next morning not scored', tone: 'neutral' },
  not_scored: { word: 'Not scored', tone: 'neutral' },
};

/** Sent on `window` when a score was saved outside the Log screen (the missed-morning prompt). */
export const LOG_CHANGED = 'soleus:log-changed';

/** A message of the core as a sentence on screen: its first letter in capitals. */
export function asSentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
