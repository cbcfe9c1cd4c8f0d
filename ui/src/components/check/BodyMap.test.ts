import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import type { FindingInfo } from '../../lib/bindings';
import BodyMap from './BodyMap.svelte';

const values = ['behind_knee', 'upper_calf_medial', 'upper_calf_lateral', 'mid_calf', 'lower_calf', 'achilles', 'inner_shin', 'whole_calf'];
const location: FindingInfo = {
  key: 'location', ask: '', question: 'Where does it hurt most?', clinician: false, red_flag: false, type: 'enum', values,
  labels: values.map((v) => `Label of ${v}`),
};

function render(selected?: string) {
  const picked: string[] = [];
  const target = document.createElement('div');
  document.body.append(target);
  const app = mount(BodyMap, { target, props: { question: location, selected, onpick: (v: string) => picked.push(v) } });
  flushSync();
  return { target, picked, done: () => unmount(app) };
}

describe('the body map', () => {
  it('has one labelled, focusable region per location value, and the same choices as a list', () => {
    const { target, done } = render('achilles');
    for (const [i, v] of values.entries()) {
      const region = target.querySelector(`[data-testid=region-${v}]`);
      expect(region, v).not.toBeNull();
      expect(region!.getAttribute('aria-label')).toBe(location.labels[i]);
      expect(region!.getAttribute('tabindex')).toBe('0');
      expect(target.querySelector(`[data-testid=choice-${v}]`)?.textContent).toBe(location.labels[i]);
    }
    expect(target.querySelector('[data-testid=region-achilles]')!.getAttribute('aria-pressed')).toBe('true');
    expect(target.querySelector('[data-testid=region-mid_calf]')!.getAttribute('aria-pressed')).toBe('false');
    done();
  });

  it('picks a region by click, Enter or Space, and from the list', () => {
    const { target, picked, done } = render();
    target.querySelector('[data-testid=region-mid_calf]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    target.querySelector('[data-testid=region-inner_shin]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    target.querySelector('[data-testid=region-whole_calf]')!.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    target.querySelector('[data-testid=region-achilles]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    (target.querySelector('[data-testid=choice-behind_knee]') as HTMLButtonElement).click();
    expect(picked).toEqual(['mid_calf', 'inner_shin', 'whole_calf', 'behind_knee']);
    done();
  });
});
