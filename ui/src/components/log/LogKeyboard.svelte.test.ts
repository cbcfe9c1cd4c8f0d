import { createRawSnippet, flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import LogModeTabs from './LogModeTabs.svelte';
import PainScore from './PainScore.svelte';

function host() {
  const target = document.createElement('div');
  document.body.append(target);
  return target;
}
const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
const stops = (target: Element, css: string) => [...target.querySelectorAll(css)].filter((b) => b.getAttribute('tabindex') === '0');

describe('the pain score', () => {
  it('is one tab stop that arrow keys move, choosing as they go', () => {
    const target = host();
    const props = $state({ score: null as number | null });
    const app = mount(PainScore, { target, props });
    flushSync();
    const score = (n: number) => target.querySelector(`[data-testid=score-${n}]`) as HTMLButtonElement;
    // Before a score is chosen, Tab reaches 0 and nothing is checked.
    expect(stops(target, '[role=radio]')).toEqual([score(0)]);
    expect(target.querySelectorAll('[aria-checked=true]').length).toBe(0);
    score(0).focus();
    key(score(0), 'ArrowRight');
    flushSync();
    expect(props.score).toBe(1);
    expect(document.activeElement).toBe(score(1));
    key(score(1), 'ArrowLeft');
    key(score(0), 'ArrowLeft');
    flushSync();
    expect(props.score).toBe(10);
    expect(document.activeElement).toBe(score(10));
    expect(stops(target, '[role=radio]')).toEqual([score(10)]);
    expect(score(10).getAttribute('aria-checked')).toBe('true');
    key(score(10), 'Home');
    flushSync();
    expect(props.score).toBe(0);
    // A click still chooses.
    score(6).click();
    flushSync();
    expect(props.score).toBe(6);
    expect(stops(target, '[role=radio]')).toEqual([score(6)]);
    unmount(app);
  });
});

describe('the pain / run switch', () => {
  it('is a tab list with one tab stop; Left and Right switch the panel', () => {
    const target = host();
    const props = $state({ mode: 'pain' as 'pain' | 'run', children: createRawSnippet(() => ({ render: () => '<p>form</p>' })) });
    const app = mount(LogModeTabs, { target, props });
    flushSync();
    const [pain, run] = ['pain', 'run'].map((m) => target.querySelector(`[data-testid=log-${m}-tab]`) as HTMLButtonElement);
    expect(stops(target, '[role=tab]')).toEqual([pain]);
    expect(target.querySelector('[role=tabpanel]')!.getAttribute('aria-labelledby')).toBe(pain.id);
    pain.focus();
    key(pain, 'ArrowRight');
    flushSync();
    expect(props.mode).toBe('run');
    expect(document.activeElement).toBe(run);
    expect(run.getAttribute('aria-selected')).toBe('true');
    expect(stops(target, '[role=tab]')).toEqual([run]);
    expect(target.querySelector('[role=tabpanel]')!.getAttribute('aria-labelledby')).toBe(run.id);
    // Up and Down belong to the page.
    key(run, 'ArrowDown');
    flushSync();
    expect(props.mode).toBe('run');
    key(run, 'ArrowRight');
    flushSync();
    expect(props.mode).toBe('pain');
    expect(document.activeElement).toBe(pain);
    unmount(app);
  });
});
