// Tabs kept alive between visits: a revisit shows the screen as it was left (its data, its
// charts, a form half filled) instead of building it again. A screen not shown is taken out of
// the document (not merely hidden), so nothing of it can be found, focused or read meanwhile,
// and it comes back as it was.
import { getContext, untrack } from 'svelte';

const SHOWN = Symbol('tab shown');

/** For App's tab host: tells the screen inside whether it is the one on screen. */
export function shownContext(): symbol {
  return SHOWN;
}

/**
 * A count that goes up each time the screen comes back into view. Read it in the effect that
 * loads the screen's data, so that a revisit reads again what may have changed meanwhile (in
 * another tab, or from the command line on the same file); the screen applies what it reads
 * only if it differs (`changed`), so an unchanged revisit redraws nothing. Outside a tab host
 * (a component test) the screen is always shown and the count stays 0.
 */
export function revisits(): { readonly count: number } {
  const shown = getContext<(() => boolean) | undefined>(SHOWN) ?? (() => true);
  let count = $state(0);
  let before = untrack(shown);
  $effect.pre(() => {
    const now = shown();
    untrack(() => {
      if (now && !before) count++;
      before = now;
    });
  });
  return {
    get count() {
      return count;
    },
  };
}

/** Whether data read again differs from what the screen shows (both plain JSON from the core). */
export function changed(shown: unknown, read: unknown): boolean {
  return JSON.stringify(shown) !== JSON.stringify(read);
}

/**
 * Svelte action for a tab's host element, whose one child is the screen: the child is parked in
 * a fragment outside the document while the tab is not shown, and put back when it is.
 */
export function parked(host: HTMLElement, shown: boolean) {
  const screen = host.firstElementChild;
  const away = document.createDocumentFragment();
  const rehearsal = screen && !shown ? rehearse(host, screen, away) : null;
  const place = (on: boolean) => {
    if (!screen) return;
    if (on) rehearsal?.stop();
    if (on && screen.parentNode !== host) host.append(screen);
    if (!on && screen.parentNode === host) away.append(screen);
  };
  place(shown);
  return { update: place, destroy: () => rehearsal?.stop() };
}

/** How long a screen prepared out of sight stays unchanged before it is laid out. */
const QUIET_MS = 60;

/**
 * A screen prepared out of sight (App.prepareTabs) is laid out once out of sight too, each time
 * its content has settled, until its first visit. The first layout of a screen is what made a
 * first visit cost several times a revisit (issue 14: about 1 s for the Plan under software
 * rendering): WebKit finds and loads each font face and size the screen uses for the first
 * time, and shapes its text. Done here, while the person reads the first screen, that cost is
 * paid before the click. The screen is put back in its place hidden, its style and layout
 * computed, and taken out again in the same task: no frame is painted in between, so nothing of
 * it is ever seen, focused or read.
 */
function rehearse(host: HTMLElement, screen: Element, away: DocumentFragment) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const layOut = () => {
    if (screen.parentNode !== away || !host.isConnected) return;
    const visibility = host.style.visibility;
    host.style.visibility = 'hidden';
    host.append(screen);
    screen.getBoundingClientRect();
    away.append(screen);
    host.style.visibility = visibility;
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(layOut, QUIET_MS);
  };
  const watch = typeof MutationObserver === 'undefined' ? null : new MutationObserver(soon);
  watch?.observe(screen, { childList: true, subtree: true, characterData: true });
  soon();
  return {
    stop() {
      watch?.disconnect();
      clearTimeout(timer);
    },
  };
}
