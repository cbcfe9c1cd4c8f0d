import { describe, expect, it } from 'vitest';
import { focusWhenDrawn } from './focus';

describe('focus once the screen is drawn', () => {
  it('reads its target after the update, so an element drawn by the change gets the focus', async () => {
    let button: HTMLButtonElement | undefined;
    const moved = focusWhenDrawn(() => button);
    // Drawn after the call, as a `bind:this` inside an `{#if}` is.
    button = document.body.appendChild(document.createElement('button'));
    expect(document.activeElement).not.toBe(button);
    await moved;
    expect(document.activeElement).toBe(button);
  });

  it('does nothing when there is nothing to focus', async () => {
    const before = document.activeElement;
    await focusWhenDrawn(() => undefined);
    expect(document.activeElement).toBe(before);
  });
});
