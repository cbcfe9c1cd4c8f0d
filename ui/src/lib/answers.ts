// A check's answers as the core words them (`AnswerRow`), under their headings: the history the
// person gave, then what the physiotherapist examined.
import type { AnswerRow } from './bindings';

export interface AnswerGroupView {
  group: 'history' | 'examination';
  title: string;
  rows: AnswerRow[];
}

const GROUP_TITLES = { history: 'History', examination: 'Examination' } as const;

/** The answers under their headings, history first; a heading without answers is left out. */
export function groupAnswers(rows: AnswerRow[]): AnswerGroupView[] {
  return (['history', 'examination'] as const)
    .map((group) => ({ group, title: GROUP_TITLES[group], rows: rows.filter((r) => r.group === group) }))
    .filter((g) => g.rows.length > 0);
}
