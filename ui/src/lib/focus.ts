import { tick } from 'svelte';

/**
 * Moves the keyboard to `target()` once the screen shows the state just set: the button a closed
 * dialog hands back to, or the first control of one just opened. `target` is read after the
 * update, because an element the change itself draws (`bind:this` inside an `{#if}`) only exists
 * then.
 */
export async function focusWhenDrawn(target: () => HTMLElement | null | undefined): Promise<void> {
  await tick();
  target()?.focus();
}
