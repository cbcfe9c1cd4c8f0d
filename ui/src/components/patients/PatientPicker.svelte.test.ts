import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import PatientPicker from './PatientPicker.svelte';

const p = (id: number, name: string) => ({ id, name, created_at: '2026-11-01T08:00:00Z' });
const clinic = [p(1, 'Ana Runner'), p(2, 'Ben Okafor'), p(3, 'Bella Stone'), p(4, 'Cara Diaz')];

function type(input: HTMLInputElement, text: string) {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  flushSync();
}

describe('the patient picker', () => {
  it("shows no one's name until asked, then only the names that match, never the open one", () => {
    const target = document.createElement('div');
    document.body.append(target);
    const onpick = vi.fn();
    const picker = mount(PatientPicker, { target, props: { profiles: clinic, openId: 1, onpick } });
    const names = () => [...target.querySelectorAll('[data-testid=patient-result]')].map((b) => b.textContent);
    const input = target.querySelector('[data-testid=patient-search]') as HTMLInputElement;

    // Nothing of anyone: no names anywhere in the picker's text.
    for (const who of clinic) expect(target.textContent).not.toContain(who.name.split(' ')[0]);
    expect(names()).toEqual([]);
    type(input, 'b');
    expect(names()).toEqual([]);
    expect(target.textContent).not.toContain('Ben');

    type(input, 'be');
    expect(names()).toEqual(['Bella Stone', 'Ben Okafor']);
    expect(target.querySelector('[data-testid=patient-search-status]')!.textContent).toContain('2 found');
    type(input, 'ben');
    expect(names()).toEqual(['Ben Okafor']);

    // The person already open is never offered, even by name.
    type(input, 'ana');
    expect(names()).toEqual([]);
    expect(target.textContent).not.toContain('Ana Runner');

    type(input, 'dia');
    (target.querySelector('[data-testid=patient-result]') as HTMLButtonElement).click();
    expect(onpick).toHaveBeenCalledWith(clinic[3]);
    unmount(picker);
  });
});
