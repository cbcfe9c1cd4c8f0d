// The start-up benchmark's finish line (issue 14): once the first screen a person can act on is
// painted, the UI tells the shell with `ui_ready`; the shell notes the time only when
// SOLEUS_READY_FILE is set (`make bench`, the package test), and otherwise does nothing.
import { call } from './api';

/** The first screens a person can act on: a new profile's name, the choice of a patient, the
 * Check tab's start or its question in progress, or the store's error. Not "Opening Soleus…". */
export const FIRST_SCREENS =
  '[data-testid=profile-setup], [data-testid=no-patient], [data-testid=start-runner], [data-testid=question], [data-testid=store-error]';

/** Resolves after the next frame has been painted (a frame callback runs before its paint). */
const painted = () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));

/** Resolves once an element matching `selector` is in `root`. */
function shown(root: Element, selector: string): Promise<void> {
  return new Promise((done) => {
    if (root.querySelector(selector)) return done();
    const watch = new MutationObserver(() => {
      if (!root.querySelector(selector)) return;
      watch.disconnect();
      done();
    });
    watch.observe(root, { childList: true, subtree: true });
  });
}

/** Calls `ui_ready` once the first interactive screen is on screen. */
export async function signalReady(root: Element = document.body): Promise<void> {
  await shown(root, FIRST_SCREENS);
  await painted();
  performance.mark?.('soleus:painted');
  await call('ui_ready', {}).catch(() => {});
}
