import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { settle } from '../../testing';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
const { default: MorningScoreNotice } = await import('./MorningScoreNotice.svelte');

const ask = 'You ran 12.0 km yesterday and have not scored the pain this morning yet: how does it feel now, out of 10?';

function show(profileId: number, onnavigate = vi.fn()) {
  const target = document.createElement('div');
  document.body.append(target);
  const app = mount(MorningScoreNotice, { target, props: { profileId, onnavigate } });
  return { target, onnavigate, done: () => unmount(app) };
}

describe('the missed morning score', () => {
  it("asks the core's question, and takes the runner to the Log to answer it, once", async () => {
    invoke.mockReset();
    invoke.mockResolvedValue({ run_on: '2026-11-18', ask });
    const c = show(1);
    await settle();
    flushSync();
    expect(invoke).toHaveBeenCalledWith('missed_morning_score', { profileId: 1 });
    expect(c.target.querySelector('[data-testid=morning-score]')?.textContent).toContain(ask);
    (c.target.querySelector('[data-testid=morning-score-go]') as HTMLButtonElement).click();
    flushSync();
    expect(c.onnavigate).toHaveBeenCalledWith('log');
    expect(c.target.querySelector('[data-testid=morning-score]')).toBeNull();
    c.done();
    // Opened again for the same run (another tab, the same session): not asked twice.
    const again = show(1);
    await settle();
    flushSync();
    expect(again.target.querySelector('[data-testid=morning-score]')).toBeNull();
    again.done();
  });

  it('says nothing when nothing was missed, and "Not now" puts it off without moving', async () => {
    invoke.mockReset();
    invoke.mockResolvedValue(null);
    const none = show(2);
    await settle();
    flushSync();
    expect(none.target.querySelector('[data-testid=morning-score]')).toBeNull();
    none.done();
    invoke.mockResolvedValue({ run_on: '2026-11-18', ask });
    const c = show(3);
    await settle();
    flushSync();
    (c.target.querySelector('[data-testid=morning-score-later]') as HTMLButtonElement).click();
    flushSync();
    expect(c.onnavigate).not.toHaveBeenCalled();
    expect(c.target.querySelector('[data-testid=morning-score]')).toBeNull();
    c.done();
  });
});
