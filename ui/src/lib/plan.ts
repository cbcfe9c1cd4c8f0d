// The Plan screen's pure logic: what each section says when closed, which open first, the
// numbered sources and what a plan adds to an exercise's dose (the presenter's slides are in
// slides.ts, the triage words in triage.ts).
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

/**
 * The plan's sources, each numbered once in order of first use (items, then rehab phases and each
 * phase's exercises, section by section): the same numbers as the text plan and the clinician report.
 */
export class Citations {
  readonly sources: string[] = [];

  /** 0 for advice that cites nothing (it follows from the check itself): no mark is shown. */
  cite(source: string): number {
    if (source === '') return 0;
    const i = this.sources.indexOf(source);
    if (i >= 0) return i + 1;
    this.sources.push(source);
    return this.sources.length;
  }

  static of(plan: Plan): Citations {
    const c = new Citations();
    for (const s of plan.sections) {
      for (const i of s.items) c.cite(i.source);
      for (const p of s.phases ?? []) {
        c.cite(p.source);
        for (const e of p.exercises) for (const src of e.sources) c.cite(src);
      }
    }
    return c;
  }
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
