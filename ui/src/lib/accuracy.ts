// "How accurate is this?": the engine's figures on its shipped case sets, worded for a physio.
// The figures are counts from the core (`accuracy_figures`); this file only words them.
import type { Figures, SetFigures } from './bindings';

/** The three ways a set is scored, in the order the page shows them. */
export const WAYS: { key: 'full_case' | 'interview' | 'runner'; label: string; hint: string }[] = [
  { key: 'full_case', label: 'Whole case', hint: 'every finding the case reports, given at once' },
  { key: 'interview', label: 'Interview', hint: 'the questionnaire, one suggested question at a time, with a physio examining' },
  { key: 'runner', label: 'Interview, runner alone', hint: 'the same without the examination tests' },
];

/** `count` of `of` as a whole percent ("84%"), never more precise than the cases allow. */
export function percent(count: number, of: number): string {
  return of === 0 ? '–' : `${Math.round((100 * count) / of)}%`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The emergency and urgent cases given less urgent advice, in words ("none" when there are none). */
export function underTriage(f: Figures): string {
  const parts = [];
  if (f.under_emergency.length > 0) parts.push(plural(f.under_emergency.length, 'emergency', 'emergencies'));
  if (f.under_urgent.length > 0) parts.push(plural(f.under_urgent.length, 'urgent case', 'urgent cases'));
  return parts.length === 0 ? 'none' : parts.join(' and ');
}

/** One sentence on a set's whole-case figures, for someone who will not read the table. */
export function summary(s: SetFigures): string {
  const f = s.full_case;
  const under = f.under_emergency.length + f.under_urgent.length;
  const safety =
    under === 0
      ? 'No emergency or urgent case was given less urgent advice.'
      : `${plural(under, 'emergency or urgent case was', 'emergency or urgent cases were')} given less urgent advice than it needed.`;
  // Safety must not come from sending everyone to the emergency department: say how often it over-advised.
  const over =
    `It advised more urgent care than expected in ${plural(f.over_triage, 'case', 'cases')}` +
    (f.self_care_cases > 0 ? `, and sent ${f.self_care_sent_urgent} of the ${f.self_care_cases} self-care cases to urgent or emergency care.` : '.');
  return (
    `Given the whole case, Soleus listed the expected cause first in ${percent(f.top1, f.cases)} of ${f.cases} cases ` +
    `and among its first three in ${percent(f.top3, f.cases)}, and advised exactly the expected care in ` +
    `${percent(f.triage_exact, f.cases)}. ${safety} ${over}`
  );
}
