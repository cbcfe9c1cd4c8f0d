// Helpers for the component tests (vitest + jsdom); nothing in the app imports this file.
import { mount, tick, type Component } from 'svelte';
import type { ScreenProps } from './lib/screen';

/** Lets pending replies and timers run, then Svelte's updates. */
export async function settle(): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
  await tick();
}

/** A reply the test answers when it chooses. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Mounts a screen for profile `id`, as App does, into a fresh element of the page. */
export function mountScreen(screen: Component<ScreenProps>, id = 1) {
  const target = document.createElement('div');
  document.body.append(target);
  const app = mount(screen, {
    target,
    props: { profile: { id, name: `P${id}`, created_at: '2026-11-01T08:00:00Z' }, settings: { units: 'km', theme: 'system' }, onnavigate: () => {} },
  });
  return { target, app };
}
