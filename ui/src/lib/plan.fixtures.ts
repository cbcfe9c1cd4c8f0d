// Small plans for the plan and slide tests; nothing in the app imports this file.
import type { Item, Plan, Section } from './bindings';

export const item = (text: string, source: string, extra: Partial<Item> = {}): Item => ({ text, source, ...extra });
export const section = (kind: Section['kind'], items: Item[], extra: Partial<Section> = {}): Section => ({ kind, title: kind, items, ...extra });
export const phase = (name: string, ids: string[], source = 'src-phase', exerciseSources: string[] = []) => ({
  name,
  goal: `${name} goal`,
  exercises: ids.map((id) => ({
    id, name: id, prescription: { sets: 3, reps: 10, per_side: false, rest_seconds: 60, times_per_week: 3 }, dose: '3 sets x 10 reps, rest 60 s, 3x a week',
    sources: exerciseSources,
    cites: [],
  })),
  progress_when: [],
  source,
});

export function plan(sections: Section[]): Plan {
  return { title: 'Plan for: X', triage: 'self_care', triage_advice: 'Look after it.', conditions: [], sections, sources: [], disclaimer: 'Not a diagnosis.' };
}
