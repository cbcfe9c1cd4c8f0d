import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import type { Units } from '../../lib/bindings';
import PainForm from './PainForm.svelte';
import RunForm from './RunForm.svelte';

function host() {
  const target = document.createElement('div');
  document.body.append(target);
  return target;
}

describe('the log forms follow the units setting', () => {
  it('converts a half-typed run distance when the units change', () => {
    const target = host();
    const props = $state({ profileId: 1, units: 'km' as Units, onsaved: () => {} });
    const app = mount(RunForm, { target, props });
    flushSync();
    const input = target.querySelector('[data-testid=run-distance]') as HTMLInputElement;
    input.value = '8';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    props.units = 'mi';
    flushSync();
    expect(target.querySelector('label[for=run-distance]')!.textContent).toBe('Distance (mi)');
    expect(input.value).toBe('4.97');
    props.units = 'km';
    flushSync();
    expect(input.value).toBe('8');
    unmount(app);
  });

  it("gives the pain form's key-moment example in miles when the person runs in miles", () => {
    const target = host();
    const props = $state({ profileId: 1, lastMoment: 'at the mark', units: 'mi' as Units, onsaved: () => {} });
    const app = mount(PainForm, { target, props });
    flushSync();
    const custom = target.querySelector('[data-testid=moment-custom]') as HTMLInputElement;
    expect(custom.placeholder).toBe('e.g. at the 3 mile mark');
    props.units = 'km';
    flushSync();
    expect(custom.placeholder).toBe('e.g. at the 5 km mark');
    unmount(app);
  });
});
