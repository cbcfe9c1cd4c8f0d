import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { CalendarDay, WeekCalendar as Week } from '../../lib/bindings';
import { addDays, localDate, mondayOf } from '../../lib/dates';
import { settle } from '../../testing';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
const { default: WeekCalendar } = await import('./WeekCalendar.svelte');

const today = localDate();
const monday = mondayOf(today);
const bridge = { id: 'glute_bridge', name: 'Glute bridge', dose: '3 sets x 12 reps, 3x a week', sessions: 1, sets: 3, daily: false, planned: true, done: false };

/** A week as the core gives it: a 5 km run done on Monday, today's run planned, the bridge on today's list. */
function week(bridgeDone = false): Week {
  const day = (i: number, base = monday): CalendarDay => {
    const date = addDays(base, i);
    return { date, today: date === today, injury: false, runs: [], exercises: [], rest: true, phase: 'Offload (weeks 0-2)' };
  };
  const days = [0, 1, 2, 3, 4, 5, 6].map((i) => day(i));
  const first = days[0];
  first.injury = true;
  first.runs = [{ done: true, amount: '5.0 km' }];
  first.rest = false;
  const now = days.find((d) => d.today)!;
  if (now !== first) now.runs = [{ done: false, amount: 'under 5.0 km' }];
  now.exercises = [{ ...bridge, done: bridgeDone }];
  now.rest = false;
  const next = [0, 1, 2, 3, 4, 5, 6].map((i) => day(i, addDays(monday, 7)));
  next[1].runs = [{ done: false, amount: 'under 5.0 km' }];
  next[1].rest = false;
  for (const d of next) d.phase = 'Hip stability (weeks 2-6)';
  return { week: '2026-W47', days, next_week: next, injury_on: monday };
}

function show() {
  const target = document.createElement('div');
  document.body.append(target);
  const app = mount(WeekCalendar, { target, props: { profileId: 1, checkId: null } });
  const q = (sel: string) => target.querySelector(sel);
  return { target, q, done: () => unmount(app) };
}

/** Shows the calendar with a core that answers `w` for the week and nothing else, once settled. */
async function showWeek(w: Week) {
  invoke.mockReset();
  invoke.mockImplementation((cmd: string) => Promise.resolve(cmd === 'week_plan' ? w : {}));
  const c = show();
  await settle();
  flushSync();
  return c;
}

describe('the week calendar', () => {
  it('lays out seven days with runs, ticks, rest days, today, the injury and next week', async () => {
    const c = await showWeek(week());
    const days = c.target.querySelectorAll('[data-testid=week-calendar] > ol:first-of-type > li');
    expect(days.length).toBe(7);
    const mon = c.q(`[data-testid=week-day-${monday}]`)!;
    expect(mon.querySelector('[data-testid=week-run]')?.getAttribute('data-done')).toBe('true');
    expect(mon.textContent).toContain('Ran 5.0 km');
    expect(mon.textContent).toContain(', done');
    expect(mon.querySelector('[data-testid=week-injury]')).not.toBeNull();
    const now = c.q(`[data-testid=week-day-${today}]`)!;
    expect(now.getAttribute('aria-current')).toBe('date');
    expect(now.textContent).toContain('Today');
    expect(c.target.querySelectorAll('[aria-current=date]').length).toBe(1);
    // Rest days say so; days with something on them do not.
    const rest = [...c.target.querySelectorAll('[data-testid=week-calendar] > ol:first-of-type > li')].filter((d) => d.textContent?.includes('Rest day'));
    expect(rest.length).toBe(today === monday ? 6 : 5);
    // Next week: a preview with its planned run and its phase named from the day it starts.
    const next = c.q(`[data-testid=week-day-${addDays(monday, 8)}]`)!;
    expect(next.textContent).toContain('Run under 5.0 km');
    expect(next.querySelector('input')).toBeNull();
    expect(c.q('[data-testid=week-phase]')?.textContent).toContain('Hip stability (weeks 2-6)');
    c.done();
  });

  it("ticks today's exercise: it is recorded with its sets, then shown done", async () => {
    invoke.mockReset();
    let ticked = false;
    invoke.mockImplementation((cmd: string) => {
      if (cmd === 'week_plan') return Promise.resolve(week(ticked));
      if (cmd === 'record_exercise_done') {
        ticked = true;
        return Promise.resolve(null);
      }
      return Promise.resolve({});
    });
    const c = show();
    await settle();
    flushSync();
    const box = c.q('[data-testid=week-tick-glute_bridge]') as HTMLInputElement;
    expect(box).not.toBeNull();
    box.click();
    await settle();
    await settle();
    flushSync();
    expect(invoke).toHaveBeenCalledWith('record_exercise_done', { profileId: 1, exerciseId: 'glute_bridge', doneOn: today, setsDone: 3 });
    const ex = c.q('[data-testid=week-exercise-glute_bridge]')!;
    expect(ex.getAttribute('data-done')).toBe('true');
    expect(ex.querySelector('input')).toBeNull();
    expect(ex.textContent).toContain('✓');
    c.done();
  });

  it('keeps reminders off until a time is set, and says beside the field why a time is refused', async () => {
    invoke.mockReset();
    invoke.mockImplementation((cmd: string, args: { time?: string | null }) => {
      if (cmd === 'week_plan') return Promise.resolve(week());
      if (cmd === 'get_reminders') return Promise.resolve({});
      if (cmd === 'set_reminder') {
        if (args.time === '25:00') return Promise.reject({ code: 'reminder_bad_time', message: 'the morning pain-score reminder time "25:00" is not a time of day' });
        return Promise.resolve({ morning_pain: '07:30' });
      }
      return Promise.resolve({});
    });
    const c = show();
    await settle();
    flushSync();
    const form = c.q('[data-testid=reminder-morning_pain]')!;
    expect(form.textContent).toContain('Now off.');
    const input = c.q('[data-testid=reminder-morning_pain-time]') as HTMLInputElement;
    input.value = '25:00';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    (c.q('[data-testid=reminder-morning_pain-save]') as HTMLButtonElement).click();
    await settle();
    flushSync();
    const error = c.q('[data-testid=reminder-morning_pain-error]')!;
    expect(error.textContent).toContain('"25:00" is not a time of day');
    expect(error.getAttribute('role')).toBe('alert');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(error.id);
    expect(form.textContent).toContain('Now off.');
    input.value = '7:30';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    (c.q('[data-testid=reminder-morning_pain-save]') as HTMLButtonElement).click();
    await settle();
    flushSync();
    expect(invoke).toHaveBeenCalledWith('set_reminder', { profileId: 1, kind: 'morning_pain', time: '7:30' });
    expect(c.q('[data-testid=reminder-morning_pain-error]')).toBeNull();
    expect(c.q('[data-testid=reminder-morning_pain-status]')?.textContent).toContain('07:30');
    expect(input.value).toBe('07:30');
    expect(c.q('[data-testid=reminder-morning_pain-off]')).not.toBeNull();
    expect(c.q('[data-testid=reminder-exercises]')?.textContent).toContain('Now off.');
    c.done();
  });

  it("says what unlocks the next phase, each criterion's verdict as the core gave it", async () => {
    const w: Week = {
      ...week(),
      phase_exit: {
        phase: 'Settle (week 1)',
        next: 'Strength (weeks 1-4)',
        stage: 'Walking',
        criteria: [{ measure: 'walk_pain', text: 'No pain walking (0/10)', verdict: 'not_met', found: '3/10', tested_on: today, source: 'Green 2022' }],
        summary: 'To move on to Strength (weeks 1-4): no pain walking (0/10).',
      },
    };
    const c = await showWeek(w);
    const exit = c.q('[data-testid=week-phase-exit]')!;
    expect(exit.textContent).toContain('Next phase: To move on to Strength (weeks 1-4): no pain walking (0/10).');
    const crit = exit.querySelector('[data-testid=week-exit-criterion]')!;
    expect(crit.getAttribute('data-verdict')).toBe('not_met');
    expect(crit.textContent).toContain('Not met');
    expect(crit.textContent).toContain('your test: 3/10');
    c.done();
  });

  it('shows no next-phase note when the core gives none', async () => {
    const c = await showWeek(week());
    expect(c.q('[data-testid=week-calendar]')).not.toBeNull();
    expect(c.q('[data-testid=week-phase-exit]')).toBeNull();
    c.done();
  });

  it('asks the core again once a return-to-run test is saved elsewhere on the screen', async () => {
    const { testsRecorded } = await import('../../lib/testsRecorded.svelte');
    const c = await showWeek(week());
    const asked = () => invoke.mock.calls.filter(([cmd]) => cmd === 'week_plan').length;
    expect(asked()).toBe(1);
    testsRecorded.bump();
    flushSync();
    await settle();
    expect(asked()).toBe(2);
    c.done();
  });
});
