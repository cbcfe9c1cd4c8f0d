import { mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { settle } from './testing';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
window.matchMedia ??= (() => ({ matches: false, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;
const { default: App } = await import('./App.svelte');
const { opening } = await import('./lib/start');
// The Check screen's chunk, compiled once here rather than inside a test's time limit.
await (await import('./lib/screens')).loadScreen('check');
const { draftOf, keepDraft } = await import('./lib/checkDraft');
const { answer, newInterview } = await import('./lib/check');
const { checkChoice } = await import('./lib/checkChoice.svelte');

type Person = { id: number; name: string; created_at: string };
type Args = { id?: number; name?: string };

/** The core of a computer with `people` on it: opens, lists and switches records as the commands
 * do (`people` changes as they would); `more` answers any other command, else an empty list. */
function fakeCore(people: { profiles: Person[]; active: Person }, more: (cmd: string, args: Args) => Promise<unknown> | undefined) {
  invoke.mockImplementation((cmd: string, args: Args) => {
    if (cmd === 'get_settings') return Promise.resolve({ units: 'km', theme: 'system' });
    // The core opens on the active record only when it is the one person here (app::start).
    if (cmd === 'start') {
      const open_record = people.profiles.length === 1;
      return Promise.resolve({ settings: { units: 'km', theme: 'system' }, profiles: people.profiles, active: people.active, open_record, checks: [] });
    }
    if (cmd === 'list_profiles') return Promise.resolve(people.profiles);
    if (cmd === 'get_active_profile') return Promise.resolve(people.active);
    if (cmd === 'set_active_profile') {
      people.active = people.profiles.find((p) => p.id === args.id)!;
      return Promise.resolve(people.active);
    }
    return more(cmd, args) ?? Promise.resolve([]);
  });
}

/** Mounts the app as main.ts does, with what the window opens on read first, and lets it settle. */
async function mountApp() {
  const target = document.createElement('div');
  document.body.append(target);
  const app = mount(App, { target, props: { opening: await opening() } });
  await settle();
  return { target, app };
}


describe('the app', () => {
  it("forgets a deleted profile's check in progress and chosen check: a new profile may get its id", async () => {
    const ana = { id: 1, name: 'Ana', created_at: '2026-11-01T08:00:00Z' };
    const ben = { id: 2, name: 'Ben', created_at: '2026-11-02T08:00:00Z' };
    const people = { profiles: [ana, ben], active: ana };
    fakeCore(people, (cmd) => {
      if (cmd === 'delete_profile') {
        people.profiles = [ana];
        people.active = ana;
        return Promise.resolve(null);
      }
      // Ben's check in progress is reassessed when his record opens: no reply is needed here.
      if (cmd === 'assess_check') return new Promise(() => {});
      if (cmd === 'check_questions') return Promise.resolve({ questions: [] });
    });
    keepDraft(ben.id, answer(newInterview(false), 'pop', true));
    checkChoice.choose(ben.id, 7);
    const { target, app } = await mountApp();
    // Two people on this computer: the app opens on nobody's record, with no name on screen.
    expect(target.querySelector('[data-testid=no-patient]')).not.toBeNull();
    expect(target.textContent).not.toMatch(/Ana|Ben/);
    // Ben is found by name, opened, and deleted from his settings.
    (target.querySelector('[data-testid=active-profile]') as HTMLButtonElement).click();
    await settle();
    const search = target.querySelector('[data-testid=patient-search]') as HTMLInputElement;
    search.value = 'be';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    (target.querySelector('[data-testid=patient-result]') as HTMLButtonElement).click();
    await settle();
    expect(target.querySelector('[data-testid=active-profile] .name')!.textContent).toBe('Ben');
    (target.querySelector('[data-testid=active-profile]') as HTMLButtonElement).click();
    await settle();
    (target.querySelector('[data-testid=open-settings]') as HTMLButtonElement).click();
    await settle();
    (target.querySelector('[data-testid=delete-profile]') as HTMLButtonElement).click();
    await settle();
    (target.querySelector('[data-testid=confirm-delete]') as HTMLButtonElement).click();
    await settle();
    expect(invoke).toHaveBeenCalledWith('delete_profile', { id: ben.id });
    // After a delete the screen shows nobody, not whoever the core made active.
    expect(target.querySelector('[data-testid=no-patient]')).not.toBeNull();
    expect(target.textContent).not.toContain('Ana');
    expect(draftOf(ben.id)).toBeUndefined();
    expect(checkChoice.of(ben.id)).toBeNull();
    unmount(app);
  });
});

describe('between patients', () => {
  it("starts a new patient in one action on a screen that shows no one else's name, then opens their record", async () => {
    const ana = { id: 1, name: 'Ana Runner', created_at: '2026-11-01T08:00:00Z' };
    const cara = { id: 3, name: 'Cara Diaz', created_at: '2026-11-03T08:00:00Z' };
    const people = { profiles: [ana], active: ana };
    invoke.mockReset();
    fakeCore(people, (cmd, args) => {
      if (cmd === 'create_profile') {
        people.profiles = [...people.profiles, { ...cara, name: args.name! }];
        return Promise.resolve(people.profiles[1]);
      }
      if (cmd === 'check_questions') return Promise.resolve({ questions: [], settled_at: 0.9 });
    });
    const { target, app } = await mountApp();
    expect(target.textContent).toContain('Ana Runner');

    // The menu takes the keyboard in its search; Esc closes it and gives focus back to its button.
    (target.querySelector('[data-testid=active-profile]') as HTMLButtonElement).click();
    await settle();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('patient-search');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await settle();
    expect(target.querySelector('[data-testid=profile-menu]')).toBeNull();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('active-profile');

    (target.querySelector('[data-testid=active-profile]') as HTMLButtonElement).click();
    await settle();
    (target.querySelector('[data-testid=new-patient]') as HTMLButtonElement).click();
    await settle();
    // The whole window, header included: nothing of Ana's, the name field ready.
    expect(target.textContent).not.toContain('Ana');
    expect(target.querySelector('[data-testid=tab-check]')).toBeNull();
    const name = target.querySelector('[data-testid=new-patient-name]') as HTMLInputElement;
    expect(name).not.toBeNull();
    name.value = 'Cara Diaz';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    (target.querySelector('[data-testid=new-patient-form]') as HTMLFormElement).requestSubmit();
    await settle();
    await settle();
    expect(invoke).toHaveBeenCalledWith('create_profile', { name: 'Cara Diaz' });
    expect(invoke).toHaveBeenCalledWith('set_active_profile', { id: 3 });
    expect(target.querySelector('[data-testid=active-profile] .name')!.textContent).toBe('Cara Diaz');
    expect(target.querySelector('[data-testid=screen-check]')).not.toBeNull();
    expect(target.textContent).not.toContain('Ana');
    unmount(app);
  });
});
