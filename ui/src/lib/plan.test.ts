import { describe, expect, it } from 'vitest';
import type { Item, Plan, Section } from './bindings';
import { buildSlides, checkDate, Citations, nextSlide, openByDefault, planNotes, summarize } from './plan';

const item = (text: string, source: string, extra: Partial<Item> = {}): Item => ({ text, source, ...extra });
const section = (kind: Section['kind'], items: Item[], extra: Partial<Section> = {}): Section => ({ kind, title: kind, items, ...extra });
const phase = (name: string, ids: string[], source = 'src-phase') => ({
  name,
  goal: `${name} goal`,
  exercises: ids.map((id) => ({
    id, name: id, prescription: { sets: 3, reps: 10, per_side: false, rest_seconds: 60, times_per_week: 3 }, dose: '3 sets x 10 reps, rest 60 s, 3x a week',
  })),
  progress_when: [],
  source,
});

function plan(sections: Section[]): Plan {
  return { title: 'Plan for: X', triage: 'self_care', triage_advice: 'Look after it.', conditions: [], sections, disclaimer: 'Not a diagnosis.' };
}

describe('section panels', () => {
  it('opens what to do now and when to get care first, and closes the rest', () => {
    expect(['care', 'now', 'safety_net'].every((k) => openByDefault(k as Section['kind']))).toBe(true);
    expect(['load_modification', 'rehab', 'support', 'imaging', 'recovery', 'return_to_run'].some((k) => openByDefault(k as Section['kind']))).toBe(false);
  });

  it('sums up a rehab programme by its phases and exercises', () => {
    const s = section('rehab', [], { phases: [phase('Settle', ['a', 'b']), phase('Strength', ['c'])] });
    expect(summarize(s)).toBe('2 phases, 3 exercises: Settle, Strength');
  });

  it('says a held-back section is held back, in its first sentence', () => {
    const s = section('rehab', [], { held_back: 'Rehab waits until a doctor has seen you. Starting could do harm.', phases: [phase('P', [])] });
    expect(summarize(s)).toBe('Held back: Rehab waits until a doctor has seen you.');
  });

  it('counts warning signs and the emergencies among them', () => {
    const s = section('safety_net', [item('a', 's', { act: 'emergency' }), item('b', 's', { act: 'urgent' }), item('c', 's', { act: 'emergency' })]);
    expect(summarize(s)).toBe('3 warning signs, 2 of them an emergency');
  });

  it('lists labels when items have them, and clips a long first item otherwise', () => {
    expect(summarize(section('imaging', [item('x', 's', { label: 'Ultrasound' }), item('y', 's', { label: 'MRI' })]))).toBe('Ultrasound, MRI');
    expect(summarize(section('recovery', [item('x', 's', { label: 'about 6-8 weeks' })]))).toBe('about 6-8 weeks');
    const long = 'Keep running only as far as pain stays at or below 3 out of 10 during the run and is back to normal by the next morning.';
    const line = summarize(section('load_modification', [item(long, 's')]));
    expect(line.endsWith('…')).toBe(true);
    expect(line.length).toBeLessThanOrEqual(91);
    expect(long.startsWith(line.slice(0, -1))).toBe(true);
  });
});

describe('citations', () => {
  it('numbers each source once, in order of first use, items before phases', () => {
    const p = plan([
      section('now', [item('a', 'S1'), item('b', 'S2'), item('c', 'S1')]),
      section('rehab', [item('d', 'S3')], { phases: [phase('P', ['x'], 'S2'), phase('Q', ['y'], 'S4')] }),
    ]);
    const c = Citations.of(p);
    expect(c.sources).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect(c.cite('S2')).toBe(2);
  });
});


describe('plan notes', () => {
  const rx = { sets: 2, reps: 15, per_side: true, rest_seconds: 30, times_per_week: 14 };
  it('lists the prescription note, then the plan note unless it repeats it', () => {
    expect(planNotes({ id: 'a', name: 'A', dose: '', prescription: rx })).toEqual([]);
    expect(planNotes({ id: 'a', name: 'A', dose: '', prescription: { ...rx, note: 'twice a day' }, note: 'twice a day' })).toEqual(['twice a day']);
    expect(planNotes({ id: 'a', name: 'A', dose: '', prescription: { ...rx, note: 'twice a day' }, note: 'pain under 3/10' }))
      .toEqual(['twice a day', 'pain under 3/10']);
    expect(planNotes({ id: 'a', name: 'A', dose: '', prescription: rx, note: 'pain under 3/10' })).toEqual(['pain under 3/10']);
  });
});

describe('check date', () => {
  const now = new Date(2026, 2, 5, 15, 0);
  it('says how long ago the check was', () => {
    expect(checkDate(new Date(2026, 2, 5, 8, 0).toISOString(), now)).toBe('Thu 5 Mar 2026 (today)');
    expect(checkDate(new Date(2026, 2, 4, 23, 0).toISOString(), now)).toBe('Wed 4 Mar 2026 (yesterday)');
    expect(checkDate(new Date(2026, 1, 26, 9, 0).toISOString(), now)).toBe('Thu 26 Feb 2026 (7 days ago)');
    expect(checkDate(new Date(2025, 5, 1, 9, 0).toISOString(), now)).toBe('Sun 1 Jun 2025');
  });
});

describe('presenter slides', () => {
  const p = plan([
    section('care', [item('See a doctor today.', 'T')]),
    section('now', [item('Ice it.', 'S')]),
    section('rehab', [], { phases: [phase('Settle', ['a']), phase('Strength', ['b', 'c'])] }),
    section('recovery', [item('6 weeks', 'R')]),
  ]);

  it('has an overview, one slide per section, and one per rehab phase', () => {
    const slides = buildSlides({ plan: p });
    expect(slides.map((s) => s.kind)).toEqual(['overview', 'section', 'section', 'phase', 'phase', 'section']);
    expect(slides[1].title).toBe('care');
    expect(slides[4]).toMatchObject({ kind: 'phase', title: 'rehab: phase 2 of 2' });
    expect(slides[4].kind === 'phase' && slides[4].exercises.map((e) => e.id)).toEqual(['b', 'c']);
  });

  it('keeps a held-back rehab section as one slide without exercises', () => {
    const held = plan([section('rehab', [], { held_back: 'Wait.', phases: [phase('Settle', [])] })]);
    expect(buildSlides({ plan: held }).map((s) => s.kind)).toEqual(['overview', 'section']);
  });

  it('moves with the keys and stops at the ends', () => {
    expect(nextSlide(0, 5, 'ArrowRight')).toBe(1);
    expect(nextSlide(4, 5, 'ArrowRight')).toBe(4);
    expect(nextSlide(0, 5, 'ArrowLeft')).toBe(0);
    expect(nextSlide(3, 5, 'Home')).toBe(0);
    expect(nextSlide(1, 5, 'End')).toBe(4);
    expect(nextSlide(1, 5, 'x')).toBeNull();
  });
});
