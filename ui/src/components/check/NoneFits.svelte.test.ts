import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import NoneFits from './NoneFits.svelte';

describe('none of these fits', () => {
  it("says so in the engine's words, as a note a screen reader announces by its title", () => {
    const target = document.createElement('div');
    document.body.append(target);
    const message = 'Your answers do not fit any of the causes Soleus knows well. See a clinician.';
    const app = mount(NoneFits, { target, props: { nonefits: { probability: 0.6, message } } });
    flushSync();
    const note = target.querySelector('[data-testid=none-fits]')!;
    expect(note.getAttribute('role')).toBe('note');
    expect(note.textContent).toContain('None of these fits well');
    expect(note.textContent).toContain(message);
    // No false precision: the share itself is not shown.
    expect(note.textContent).not.toMatch(/60|%/);
    unmount(app);
  });
});
