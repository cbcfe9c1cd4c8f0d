// The Plan screen's pure logic: what each section says when closed, which open first, and what a
// plan adds to an exercise's dose (the presenter's slides are in slides.ts, the triage words in
// triage.ts). The sources come numbered by the core: `Plan.sources`, and each item's, phase's and
// exercise's `cite`/`cites`.
import type { Item, Plan, PlannedExercise, Section, SectionKind } from './bindings';

/** Sections that open by themselves: what to do and when to get help come first. */
const OPEN_FIRST: SectionKind[] = ['care', 'now', 'safety_net'];

export function openByDefault(kind: SectionKind): boolean {
  return OPEN_FIRST.includes(kind);
}

function clip(text: string, max = 90): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[,.;:]$/, '')}…`;
}

function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(text);
  return m ? m[1] : text;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One line that tells what a closed section holds, so the plan reads at a glance. */
export function summarize(s: Section): string {
  if (s.held_back) return clip(`Held back: ${firstSentence(s.held_back)}`);
  const phases = s.phases ?? [];
  if (s.kind === 'rehab' && phases.length > 0) {
    const n = phases.reduce((sum, p) => sum + p.exercises.length, 0);
    return `${plural(phases.length, 'phase')}, ${plural(n, 'exercise')}: ${clip(phases.map((p) => p.name).join(', '), 70)}`;
  }
  if (s.kind === 'safety_net') {
    const now = s.items.filter((i) => i.act === 'emergency').length;
    return `${plural(s.items.length, 'warning sign')}${now ? `, ${now} of them an emergency` : ''}`;
  }
  if (s.items.length === 0) return 'Nothing to add for this plan.';
  const labels = [...new Set(s.items.map((i) => i.label).filter((l): l is string => !!l))];
  if (s.kind === 'recovery' && labels.length > 0) return clip(labels.join('; '));
  if (labels.length >= 2) return clip(labels.join(', '));
  return clip(s.items[0].text);
}

/** What a plan adds to an exercise's dose: the prescription's note, then the plan's own note
 *  unless the prescription already says it. */
export function planNotes(e: PlannedExercise): string[] {
  const notes = e.prescription.note ? [e.prescription.note] : [];
  if (e.note && !e.prescription.note?.includes(e.note)) notes.push(e.note);
  return notes;
}

/** The condition an item is about, named, when the plan covers more than one. */
export function conditionOf(item: Item, plan: Plan): string | null {
  if (!item.condition) return null;
  return plan.conditions.find((c) => c.condition === item.condition)?.name ?? item.condition;
}
