import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import type { Today } from '../../lib/bindings';
import TodayCard from './TodayCard.svelte';

function show(today: Today) {
  const target = document.createElement('div');
  document.body.append(target);
  const app = mount(TodayCard, { target, props: { today } });
  flushSync();
  const text = (id: string) => target.querySelector(`[data-testid=${id}]`)?.textContent?.trim() ?? null;
  return { target, text, done: () => unmount(app) };
}

describe('the Today card', () => {
  it('gives a self-care plan one answer with how much and why', () => {
    const c = show({ date: '2026-11-19', run: 'yes', headline: 'Run, the same as last time: about 5.0 km.', amount: 'about 5.0 km', why: ['Pain dropped by 2.0 points (6.0 to 4.0): you are on track.'] });
    expect(c.text('today-answer')).toBe('Run');
    expect(c.text('today-amount')).toBe('How much: about 5.0 km');
    expect(c.text('today-until')).toBeNull();
    expect(c.target.querySelector('[data-testid=plan-today]')?.getAttribute('data-run')).toBe('yes');
    expect(c.target.querySelector('ul[aria-label=Why]')?.textContent).toContain('on track');
    c.done();
  });

  it('tells an urgent plan not to run, and until when, with no amount', () => {
    const c = show({ date: '2026-11-19', run: 'no', headline: "Don't run today.", why: ['See a doctor today.'], until: 'Until a doctor has seen you and said you can.' });
    expect(c.text('today-answer')).toBe("Don't run");
    expect(c.text('today-headline')).toBe("Don't run today.");
    expect(c.text('today-until')).toContain('Until a doctor has seen you');
    expect(c.text('today-amount')).toBeNull();
    c.done();
  });

  it('says who rules out a bone stress injury before running again', () => {
    const until = 'Until a physiotherapist or doctor has examined the shin and ruled a bone stress injury in or out. Book that within the week.';
    const c = show({ date: '2026-11-19', run: 'no', headline: "Don't run today.", why: ['Bone stress injury of the shin has not been ruled out yet.'], until });
    expect(c.text('today-until')).toBe(until);
    expect(c.target.querySelector('.run-no')).not.toBeNull();
    c.done();
  });

  it('words "run less" as such, not as a plain yes', () => {
    const c = show({ date: '2026-11-19', run: 'less', headline: 'Run, but less than last time: under 5.0 km.', amount: 'under 5.0 km', why: ['Pain did not change.'] });
    expect(c.text('today-answer')).toBe('Run less');
    c.done();
  });
});
