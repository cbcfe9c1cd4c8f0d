import { describe, expect, it } from 'vitest';
import type { ExerciseCard } from './bindings';
import { filterExercises, illustrationIsWide, illustrationSize, keepUnits, phaseOptions, illustrationSrc, NO_FILTER, prescriptionParts } from './exercises';

const card = (id: string, name: string, phase: ExerciseCard['phase'], conditions: string[], goal = ''): ExerciseCard => ({
  id, name, goal, phase, phase_label: phase, dose: '', conditions, svg: '<svg></svg>',
});

const cards = [
  card('scr', 'Seated calf raise', 'foundation', ['soleus_strain'], 'Load the soleus gently'),
  card('slcr', 'Single-leg calf raise', 'strength', ['soleus_strain', 'achilles_tendinopathy']),
  card('rdl', 'Single-leg Romanian deadlift', 'strength', ['hamstring_strain'], 'Hamstring strength'),
  card('pogo', '4-way calf pogos', 'power', ['achilles_tendinopathy']),
];
const ids = (f: Partial<typeof NO_FILTER>) => filterExercises(cards, { ...NO_FILTER, ...f }).map((c) => c.id);

describe('library filter', () => {
  it('shows everything without a filter', () => {
    expect(ids({})).toEqual(['scr', 'slcr', 'rdl', 'pogo']);
  });

  it('filters by phase, by condition, and by both', () => {
    expect(ids({ phase: 'strength' })).toEqual(['slcr', 'rdl']);
    expect(ids({ condition: 'achilles_tendinopathy' })).toEqual(['slcr', 'pogo']);
    expect(ids({ phase: 'strength', condition: 'achilles_tendinopathy' })).toEqual(['slcr']);
  });

  it('searches name and goal, every word, ignoring case and accents', () => {
    expect(ids({ query: 'CALF raise' })).toEqual(['scr', 'slcr']);
    expect(ids({ query: 'sóleus' })).toEqual(['scr']);
    expect(ids({ query: 'hamstring single' })).toEqual(['rdl']);
    expect(ids({ query: 'calf', phase: 'power' })).toEqual(['pogo']);
    expect(ids({ query: 'swimming' })).toEqual([]);
  });
});

describe('prescription parts', () => {
  it('labels each part of a dose', () => {
    expect(prescriptionParts({ sets: 3, reps: 15, per_side: true, rest_seconds: 60, times_per_week: 7 })).toEqual([
      { label: 'Sets', value: '3' },
      { label: 'Reps', value: '15 each side' },
      { label: 'Rest', value: '60 s' },
      { label: 'How often', value: '7x a week' },
    ]);
    expect(prescriptionParts({ sets: 5, hold_seconds: 45, per_side: true, rest_seconds: 0, times_per_week: 7 })).toEqual([
      { label: 'Sets', value: '5' },
      { label: 'Hold', value: '45 s each side' },
      { label: 'How often', value: '7x a week' },
    ]);
  });
});

describe('phase filter', () => {
  it('offers the phases the library holds, in programme order, in the words the cards use', () => {
    const worded = [card('a', 'A', 'strength', []), card('b', 'B', 'protect', []), card('c', 'C', 'power', [])]
      .map((c) => ({ ...c, phase_label: { strength: 'strength', protect: 'settle', power: 'spring' }[c.phase as string]! }));
    expect(phaseOptions(worded)).toEqual([
      { id: 'protect', label: 'Settle' }, { id: 'strength', label: 'Strength' }, { id: 'power', label: 'Spring' },
    ]);
  });
});

describe('illustrations and days', () => {
  it('sets the theme colours on the SVG and encodes it as an image', () => {
    const src = illustrationSrc('<svg xmlns="x" width="1"><path/></svg>', 'rgb(230, 236, 232)', 'rgb(255, 163, 102)');
    expect(src.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    const svg = decodeURIComponent(src.slice(src.indexOf(',') + 1));
    expect(svg).toBe('<svg style="--soleus-ink:rgb(230, 236, 232);--soleus-accent:rgb(255, 163, 102)" xmlns="x" width="1"><path/></svg>');
  });

  it('reads the size each illustration is drawn at, from its root only', () => {
    expect(illustrationSize('<svg xmlns="x" width="262" height="97.5" viewBox="0 120 262 97.5"><rect width="5" height="12"/></svg>'))
      .toEqual({ width: 262, height: 97.5 });
    expect(illustrationSize('<svg viewBox="0 0 1 1"><rect width="5" height="12"/></svg>')).toEqual({ width: 400, height: 230 });
  });

  it('puts a wide, low drawing above the text and a tall one beside it', () => {
    const svg = (w: number, h: number) => `<svg xmlns="x" width="${w}" height="${h}"><path/></svg>`;
    expect(illustrationIsWide(svg(400, 77.9))).toBe(true); // a glute bridge, lying
    expect(illustrationIsWide(svg(400, 203))).toBe(true); // a single-leg RDL, two wide stances
    expect(illustrationIsWide(svg(231.8, 224.2))).toBe(false); // a calf raise, standing
    expect(illustrationIsWide(svg(370.3, 224.5))).toBe(true); // a standing hamstring curl, leg back
    expect(illustrationIsWide(svg(333.9, 224.5))).toBe(false); // a calf stretch at a wall
    // An unknown size reads as the old fixed canvas (400 x 230): wide.
    expect(illustrationIsWide('<svg><path/></svg>')).toBe(true);
  });

  it('keeps anything but a colour out of the style', () => {
    const svg = decodeURIComponent(illustrationSrc('<svg >', 'red";onload="x', '#fff').split(',')[1]);
    expect(svg).not.toContain('"x');
  });
});

describe('doses', () => {
  it('reads like the core summary', () => {
    // Spaces shown as "_" are no-break spaces: a number stays with its unit.
    const plain = (t: string) => t.replaceAll('\u00a0', '_');
    // The core's wording (`Prescription::dose`), kept from splitting.
    expect(plain(keepUnits('3 sets x 15 reps each side, rest 60 s, 7x a week'))).toBe('3_sets x 15_reps each side, rest 60_s, 7x_a_week');
    expect(plain(keepUnits('1 set x 20 min, 3x a week'))).toBe('1_set x 20_min, 3x_a_week');
    expect(plain(keepUnits('5 sets x 1 reps, 45 s hold, rest 120 s, 7x a week'))).toBe('5_sets x 1_reps, 45_s hold, rest 120_s, 7x_a_week');
  });
});
