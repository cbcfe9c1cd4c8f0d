import { describe, expect, it } from 'vitest';
import type { Section } from './bindings';
import { openByDefault, planNotes, summarize } from './plan';
import { item, phase, plan, section } from './plan.fixtures';

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

describe('plan notes', () => {
  const rx = { sets: 2, reps: 15, per_side: true, rest_seconds: 30, times_per_week: 14 };
  it('lists the prescription note, then the plan note unless it repeats it', () => {
    expect(planNotes({ id: 'a', name: 'A', dose: '', sources: [], cites: [], prescription: rx })).toEqual([]);
    expect(planNotes({ id: 'a', name: 'A', dose: '', sources: [], cites: [], prescription: { ...rx, note: 'twice a day' }, note: 'twice a day' })).toEqual(['twice a day']);
    expect(planNotes({ id: 'a', name: 'A', dose: '', sources: [], cites: [], prescription: { ...rx, note: 'twice a day' }, note: 'pain under 3/10' }))
      .toEqual(['twice a day', 'pain under 3/10']);
    expect(planNotes({ id: 'a', name: 'A', dose: '', sources: [], cites: [], prescription: rx, note: 'pain under 3/10' })).toEqual(['pain under 3/10']);
  });
});
