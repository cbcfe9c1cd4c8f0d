import { mount, unmount } from 'svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const { invoke } = await import('@tauri-apps/api/core');
const { default: CrashNotice } = await import('./CrashNotice.svelte');
const { settle } = await import('../../testing');

const mocked = vi.mocked(invoke);

function log(lastAt: string) {
  return {
    path: '/home/ana/.local/share/org.soleus.app/crash.log',
    text: `=== Soleus crash at ${lastAt} ===\nmessage: attempt to divide by zero\n`,
    last_at: lastAt,
  };
}

async function show(reply: unknown, fails = false) {
  mocked.mockReset();
  if (fails) mocked.mockRejectedValue({ code: 'crash_log_unreadable', message: 'cannot be read' });
  else mocked.mockResolvedValue(reply);
  const target = document.createElement('div');
  document.body.append(target);
  const app = mount(CrashNotice, { target });
  await settle();
  return { target, app, notice: () => target.querySelector('[data-testid=crash-notice]') };
}

const click = async (target: HTMLElement, id: string) => {
  (target.querySelector(`[data-testid=${id}]`) as HTMLButtonElement).click();
  await settle();
};

describe('the crash log notice', () => {
  beforeEach(() => localStorage.clear());

  it('says nothing when there is no crash log, and only reads it', async () => {
    const { notice, app } = await show(null);
    expect(notice()).toBeNull();
    expect(mocked.mock.calls).toEqual([['crash_log', {}]]);
    unmount(app);
  });

  it('says nothing when the log cannot be read', async () => {
    const { target, app } = await show(null, true);
    expect(target.textContent?.trim()).toBe('');
    unmount(app);
  });

  it('offers the log, shows its text and that nothing is sent, then stays quiet until a newer crash', async () => {
    const first = await show(log('2026-12-07T09:00:00Z'));
    expect(first.notice()?.textContent).toContain('Soleus hit a problem last time.');
    await click(first.target, 'crash-show');
    expect(first.notice()).toBeNull();
    const view = first.target.querySelector('[data-testid=crash-log]');
    expect(view?.querySelector('[data-testid=crash-log-text]')?.textContent).toContain('message: attempt to divide by zero');
    expect(view?.querySelector('[data-testid=crash-log-path]')?.textContent).toBe('/home/ana/.local/share/org.soleus.app/crash.log');
    expect(view?.querySelector('[data-testid=crash-log-private]')?.textContent).toContain('never sends it anywhere');
    expect(document.activeElement?.id).toBe('crash-log-title');
    await click(first.target, 'crash-log-close');
    expect(first.target.querySelector('[data-testid=crash-log]')).toBeNull();
    unmount(first.app);

    const again = await show(log('2026-12-07T09:00:00Z'));
    expect(again.notice(), 'the same crash is not offered twice').toBeNull();
    unmount(again.app);

    const newer = await show(log('2026-12-07T12:30:00Z'));
    expect(newer.notice(), 'a later crash is offered').not.toBeNull();
    unmount(newer.app);
  });

  it('can be dismissed without reading the log', async () => {
    const first = await show(log('2026-12-07T09:00:00Z'));
    await click(first.target, 'crash-dismiss');
    expect(first.notice()).toBeNull();
    expect(first.target.querySelector('[data-testid=crash-log]')).toBeNull();
    unmount(first.app);
    const again = await show(log('2026-12-07T09:00:00Z'));
    expect(again.notice()).toBeNull();
    unmount(again.app);
  });
});
