import { mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { settle } from './testing';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
window.matchMedia ??= (() => ({ matches: false, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;
const { default: App } = await import('./App.svelte');
const { draftOf, keepDraft } = await import('./lib/checkDraft');
const { answer, newInterview } = await import('./lib/check');
const { checkChoice } = await import('./lib/checkChoice.svelte');


describe('the app', () => {
  it("forgets a deleted profile's check in progress and chosen check: a new profile may get its id", async () => {
    const ana = { id: 1, name: 'Ana', created_at: '2026-11-01T08:00:00Z' };
    const ben = { id: 2, name: 'Ben', created_at: '2026-11-02T08:00:00Z' };
    let profiles = [ana, ben];
    invoke.mockImplementation((cmd: string) => {
      if (cmd === 'get_settings') return Promise.resolve({ units: 'km', theme: 'system' });
      if (cmd === 'list_profiles') return Promise.resolve(profiles);
      if (cmd === 'get_active_profile') return Promise.resolve(ana);
      if (cmd === 'delete_profile') {
        profiles = [ana];
        return Promise.resolve(null);
      }
      if (cmd === 'check_questions') return Promise.resolve({ questions: [] });
      return Promise.resolve([]);
    });
    keepDraft(ben.id, answer(newInterview(false), 'pop', true));
    checkChoice.choose(ben.id, 7);
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(App, { target });
    await settle();
    (target.querySelector('[data-testid=active-profile]') as HTMLButtonElement).click();
    await settle();
    (target.querySelector('[aria-label="Delete Ben"]') as HTMLButtonElement).click();
    await settle();
    (target.querySelector('[data-testid=confirm-delete]') as HTMLButtonElement).click();
    await settle();
    expect(invoke).toHaveBeenCalledWith('delete_profile', { id: ben.id });
    expect(draftOf(ben.id)).toBeUndefined();
    expect(checkChoice.of(ben.id)).toBeNull();
    unmount(app);
  });
});
