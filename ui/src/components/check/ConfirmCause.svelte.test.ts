import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { SavedCheck } from '../../lib/bindings';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
const { default: ConfirmCause } = await import('./ConfirmCause.svelte');
const { settle } = await import('../../testing');

const chance = (condition: string, name: string, words: string) => ({ condition, name, band: words, words, figure: 'about 50%', share: 0.5, why: [] });
const CAUSES = [
  { condition: 'popliteus_injury', name: 'Popliteus injury' },
  { condition: 'bakers_cyst', name: "Baker's cyst" },
  { condition: 'gastrocnemius_strain', name: 'Gastrocnemius strain' },
];

function check(over: Partial<SavedCheck> = {}): SavedCheck {
  return {
    saved: { id: 7, created_at: '2026-12-01T09:00:00Z', engine_version: '1', case: {}, result: {}, notes: '' },
    view: { chances: [chance('popliteus_injury', 'Popliteus injury', 'likely'), chance('bakers_cyst', "Baker's cyst", 'possible')] },
    answers: [],
    examined: true,
    ...over,
  } as unknown as SavedCheck;
}

function show(c: SavedCheck) {
  const target = document.createElement('div');
  document.body.append(target);
  const onchanged = vi.fn();
  const app = mount(ConfirmCause, { target, props: { check: c, profileId: 1, onchanged } });
  flushSync();
  const q = (id: string) => target.querySelector(`[data-testid=${id}]`) as HTMLElement | null;
  return { target, app, onchanged, q };
}

async function type(input: HTMLInputElement, text: string) {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}

describe("a clinician confirms a saved check's cause", () => {
  it('offers the listed causes and any other, and sends the chosen one with who examined', async () => {
    invoke.mockReset();
    const { app, onchanged, q } = show(check({ examined_by: 'Sam Lee' }));
    expect(q('confirm-pending')?.textContent).toContain('If this is');
    expect(q('examined-by')?.textContent).toBe('Examined by Sam Lee.');
    invoke.mockResolvedValueOnce(CAUSES);
    q('confirm-open')!.click();
    await settle();
    // The first listed cause is chosen and focused; the name is who examined.
    const first = q('confirm-choice-popliteus_injury') as HTMLInputElement;
    expect(first.checked).toBe(true);
    expect(document.activeElement).toBe(first);
    expect((q('confirm-by') as HTMLInputElement).value).toBe('Sam Lee');
    // Another cause: only those the check did not list.
    q('confirm-choice-other')!.click();
    await settle();
    const options = [...(q('confirm-other') as HTMLSelectElement).options].filter((o) => o.value).map((o) => o.value);
    expect(options).toEqual(['gastrocnemius_strain']);
    const select = q('confirm-other') as HTMLSelectElement;
    select.value = 'gastrocnemius_strain';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    const after = check({ examined_by: 'Sam Lee', confirmed: { condition: 'gastrocnemius_strain', name: 'Gastrocnemius strain', by: 'Sam Lee', at: '2026-12-07T10:00:00Z' } });
    invoke.mockResolvedValueOnce(after);
    q('confirm-save')!.click();
    await settle();
    expect(invoke).toHaveBeenLastCalledWith('confirm_check', { profileId: 1, id: 7, condition: 'gastrocnemius_strain', by: 'Sam Lee' });
    expect(onchanged).toHaveBeenCalledWith(after);
    expect(q('confirm-done')?.textContent).toContain('saved');
    unmount(app);
  });

  it("shows the core's refusal of the name beside the field, and keeps the form", async () => {
    invoke.mockReset();
    const { app, onchanged, q } = show(check());
    invoke.mockResolvedValueOnce(CAUSES);
    q('confirm-open')!.click();
    await settle();
    await type(q('confirm-by') as HTMLInputElement, '   ');
    invoke.mockRejectedValueOnce({ code: 'examiner_name_blank', message: 'the name of who examined is only spaces: type their name' });
    q('confirm-save')!.click();
    await settle();
    const field = q('confirm-by') as HTMLInputElement;
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const message = q('confirm-name-error')!;
    expect(field.getAttribute('aria-describedby')).toBe(message.id);
    expect(message.textContent).toContain('only spaces');
    expect(q('confirm-form')).not.toBeNull();
    expect(onchanged).not.toHaveBeenCalled();
    unmount(app);
  });

  it('reads a confirmed cause with who confirmed it and when, and can change it', async () => {
    invoke.mockReset();
    const { app, q } = show(check({ confirmed: { condition: 'bakers_cyst', name: "Baker's cyst", by: 'Jo Park', at: '2026-12-02T10:00:00Z' } }));
    const line = q('confirmed-cause')!.textContent!;
    expect(line).toContain("Baker's cyst");
    expect(line).toContain('confirmed by Jo Park on Wed 2 Dec 2026');
    expect(q('confirm-pending')).toBeNull();
    invoke.mockResolvedValueOnce(CAUSES);
    q('confirm-open')!.click();
    await settle();
    expect((q('confirm-choice-bakers_cyst') as HTMLInputElement).checked).toBe(true);
    expect((q('confirm-by') as HTMLInputElement).value).toBe('Jo Park');
    unmount(app);
  });
});
