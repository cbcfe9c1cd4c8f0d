import { describe, expect, it } from 'vitest';
import type { AnswerRow } from './bindings';
import { groupAnswers } from './answers';

describe('answers under their headings', () => {
  const row = (key: string, group: 'history' | 'examination'): AnswerRow => ({ key, group, question: `Q ${key}`, answer: 'Yes', unsure: false });

  it('puts the history first, then the examination, and leaves out an empty heading', () => {
    const groups = groupAnswers([row('thompson_test', 'examination'), row('pop', 'history'), row('onset', 'history')]);
    expect(groups.map((g) => [g.title, g.rows.map((r) => r.key)])).toEqual([['History', ['pop', 'onset']], ['Examination', ['thompson_test']]]);
    expect(groupAnswers([row('pop', 'history')]).map((g) => g.title)).toEqual(['History']);
    expect(groupAnswers([])).toEqual([]);
  });
});
