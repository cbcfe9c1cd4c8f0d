import { describe, expect, it } from 'vitest';

// A stand-in for the browser's IntersectionObserver (jsdom has none): the test says what comes into view.
type Callback = (entries: { target: Element; isIntersecting: boolean }[]) => void;
let report: Callback = () => {};
const observed = new Set<Element>();
globalThis.IntersectionObserver = class {
  constructor(callback: Callback) {
    report = callback;
  }
  observe(node: Element) {
    observed.add(node);
  }
  unobserve(node: Element) {
    observed.delete(node);
  }
} as unknown as typeof IntersectionObserver;
const { whenVisible } = await import('./whenVisible');

describe('work left until an element is near the screen', () => {
  it('runs once for each element that comes into view, never for one far away or cancelled', () => {
    const [near, far, gone] = [document.createElement('img'), document.createElement('img'), document.createElement('img')];
    const shown: Element[] = [];
    for (const node of [near, far]) whenVisible(node, () => shown.push(node));
    const cancel = whenVisible(gone, () => shown.push(gone));
    expect(shown).toEqual([]);
    cancel();
    expect(observed.has(gone)).toBe(false);
    report([{ target: near, isIntersecting: true }, { target: far, isIntersecting: false }]);
    expect(shown).toEqual([near]);
    expect(observed.has(near)).toBe(false);
    expect(observed.has(far)).toBe(true);
    report([{ target: near, isIntersecting: true }]);
    expect(shown).toEqual([near]);
  });
});
