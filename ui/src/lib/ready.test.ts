import { describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { signalReady } = await import('./ready');

const frames = () => new Promise((done) => setTimeout(done, 100));

describe('signalReady', () => {
  it('waits past the interim screen and signals once the first interactive screen is there', async () => {
    invoke.mockResolvedValue(null);
    const root = document.createElement('div');
    root.innerHTML = '<p class="loading">Opening Soleus…</p>';
    const done = signalReady(root);
    await frames();
    expect(invoke).not.toHaveBeenCalled();
    root.innerHTML = '<main data-testid="profile-setup"><input /></main>';
    await done;
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(invoke).toHaveBeenCalledWith('ui_ready', {});
  });

  it('never lets a failed signal reach the page', async () => {
    invoke.mockRejectedValue({ code: 'ready_file', message: 'the ready file could not be written' });
    const root = document.createElement('div');
    root.innerHTML = '<button data-testid="start-runner">Start</button>';
    await expect(signalReady(root)).resolves.toBeUndefined();
  });
});
