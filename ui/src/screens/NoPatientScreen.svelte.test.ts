import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { settle } from '../testing';
import NoPatientScreen from './NoPatientScreen.svelte';

const profiles = [{ id: 1, name: 'Ana Runner', created_at: '2026-11-01T08:00:00Z' }];

describe('between patients', () => {
  it("lists nobody, and refuses a blank new patient's name beside the field without saving", async () => {
    const target = document.createElement('div');
    document.body.append(target);
    const oncreate = vi.fn(() => Promise.resolve(true));
    const props = { profiles, creating: false, oncreate, onpick: vi.fn(), onnew: vi.fn(), oncancel: vi.fn() };
    const closed = mount(NoPatientScreen, { target, props });
    expect(target.textContent).not.toContain('Ana');
    unmount(closed);

    const form = mount(NoPatientScreen, { target, props: { ...props, creating: true } });
    const input = target.querySelector('[data-testid=new-patient-name]') as HTMLInputElement;
    input.value = '   ';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    (target.querySelector('[data-testid=new-patient-form]') as HTMLFormElement).requestSubmit();
    flushSync();
    expect(target.querySelector('[data-testid=new-patient-error]')!.textContent).toBe('Type a name: at least one letter or digit.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(oncreate).not.toHaveBeenCalled();

    input.value = 'Cara Diaz';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    (target.querySelector('[data-testid=new-patient-form]') as HTMLFormElement).requestSubmit();
    await settle();
    expect(oncreate).toHaveBeenCalledWith('Cara Diaz');
    unmount(form);
  });
});
