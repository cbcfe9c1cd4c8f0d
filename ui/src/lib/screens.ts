// Each tab's screen is its own chunk, loaded on first use (the Check tab with the start-up data,
// the others once the first screen is up), so the start-up chunk holds only the shell.
import type { Component } from 'svelte';
import type { ScreenProps } from './screen';
import type { TabId } from './tabs';

type Screen = Component<ScreenProps>;

const IMPORTS: Record<TabId, () => Promise<{ default: Screen }>> = {
  check: () => import('../screens/CheckScreen.svelte'),
  plan: () => import('../screens/PlanScreen.svelte'),
  exercises: () => import('../screens/ExercisesScreen.svelte'),
  log: () => import('../screens/LogScreen.svelte'),
};

const loading = new Map<TabId, Promise<Screen>>();
const loaded = new Map<TabId, Screen>();

/** The tab's screen component, imported once per window. */
export function loadScreen(tab: TabId): Promise<Screen> {
  let screen = loading.get(tab);
  if (!screen) {
    screen = IMPORTS[tab]().then((m) => {
      loaded.set(tab, m.default);
      return m.default;
    });
    // A failed import (it should not: the chunks are in the app) is tried again next time.
    screen.catch(() => loading.delete(tab));
    loading.set(tab, screen);
  }
  return screen;
}

/** The tab's screen if it is loaded already: shown at once, without waiting a turn. */
export function screenNow(tab: TabId): Screen | undefined {
  return loaded.get(tab);
}

/** Imports every screen not yet loaded, for a first visit without a wait; after the first paint. */
export function loadEveryScreen(): void {
  for (const tab of Object.keys(IMPORTS) as TabId[]) void loadScreen(tab).catch(() => {});
}
