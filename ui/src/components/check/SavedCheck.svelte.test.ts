import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const { default: SavedCheck } = await import('./SavedCheck.svelte');
const { pastChecks } = await import('../../lib/history');
const { settle } = await import('../../testing');

function show(result: Record<string, unknown>) {
  const saved = { id: 3, created_at: '2026-11-20T09:00:00Z', engine_version: '0.1', case: { findings: {}, not_known: [] }, result };
  const [check] = pastChecks([saved]);
  const target = document.createElement('div');
  document.body.append(target);
  const noop = () => {};
  const app = mount(SavedCheck, {
    target, props: { check, profileId: 1, questions: new Map(), onback: noop, onplan: noop, onpresent: noop, ondeleted: noop },
  });
  flushSync();
  return { target, app };
}

describe('a saved check read back', () => {
  it('still says how urgent it was when its result can no longer be read in full', () => {
    // An older version's result: the triage and the top cause are there, the rest is not.
    const { target, app } = show({ triage: 'urgent', differential: [{ name: 'Deep vein thrombosis' }] });
    expect(target.querySelector('[data-testid=saved-unreadable]')).not.toBeNull();
    const chip = target.querySelector('[data-testid=triage-chip]');
    expect(chip?.getAttribute('data-triage')).toBe('urgent');
    expect(target.querySelector('[data-testid=care-notice]')).not.toBeNull();
    unmount(app);
  });

  it('gives the focus back to Delete when the person chooses to keep the check', async () => {
    const { target, app } = show({ triage: 'urgent', differential: [{ name: 'Deep vein thrombosis' }] });
    (target.querySelector('[data-testid=saved-delete]') as HTMLButtonElement).click();
    await settle();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('delete-confirm-yes');
    (target.querySelector('[data-testid=delete-confirm-no]') as HTMLButtonElement).click();
    await settle();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('saved-delete');
    unmount(app);
  });
});
