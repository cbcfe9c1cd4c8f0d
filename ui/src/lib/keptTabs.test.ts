import { afterEach, describe, expect, it, vi } from 'vitest';
import { parked } from './keptTabs.svelte';

/** A tab's host in the document with its screen, and every time the screen is laid out: whether
 *  it was in the document then, and hidden. */
function tab() {
  const host = document.createElement('div');
  const screen = document.createElement('div');
  screen.textContent = 'Loading…';
  host.append(screen);
  document.body.append(host);
  const layouts: { connected: boolean; hidden: boolean }[] = [];
  screen.getBoundingClientRect = () => {
    layouts.push({ connected: screen.isConnected, hidden: host.style.visibility === 'hidden' });
    return new DOMRect();
  };
  return { host, screen, layouts };
}

/** Lets MutationObserver callbacks (microtasks) run, then the timers. */
async function later(ms: number) {
  await Promise.resolve();
  vi.advanceTimersByTime(ms);
}

describe('a tab prepared out of sight', () => {
  afterEach(() => vi.useRealTimers());

  it('is laid out hidden once its content settles, and is out of the document again at once', async () => {
    vi.useFakeTimers();
    const { host, screen, layouts } = tab();
    const action = parked(host, false);
    expect(screen.isConnected).toBe(false);
    await later(1000);
    expect(layouts).toEqual([{ connected: true, hidden: true }]);
    expect(screen.isConnected).toBe(false);
    expect(host.style.visibility).toBe('');

    // Its data arrives: laid out again, once, after the content has settled.
    screen.textContent = 'The plan';
    await later(10);
    screen.append(document.createElement('p'));
    await later(1000);
    expect(layouts).toHaveLength(2);
    expect(screen.isConnected).toBe(false);

    // Shown: it is the page's to lay out from then on.
    action.update(true);
    expect(screen.isConnected).toBe(true);
    screen.textContent = 'Changed';
    await later(1000);
    expect(layouts).toHaveLength(2);
    action.destroy();
  });

  it('shown from the start is never rehearsed', async () => {
    vi.useFakeTimers();
    const { host, screen, layouts } = tab();
    parked(host, true).destroy();
    screen.textContent = 'Changed';
    await later(1000);
    expect(layouts).toEqual([]);
  });
});
