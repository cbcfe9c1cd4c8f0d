// What the window opens on, read before anything is drawn so that the first paint is the real
// first screen (no "Opening…", then the shell, then the content): one call for the settings,
// the people and the open record's saved checks, with the Check screen's code and questions
// fetched at the same time.
import { AppError, call } from './api';
import type { SavedCheck, Start } from './bindings';
import { loadQuestions } from './checkQuestions';
import { loadScreen } from './screens';
import { applyTheme } from './theme';

export type Opening = { kind: 'ready'; start: Start } | { kind: 'failed'; message: string };

let handed: { profileId: number; checks: SavedCheck[] } | null = null;

/** Reads what the window opens on; never rejects (a store that cannot open is an Opening too). */
export async function opening(): Promise<Opening> {
  // A failure of either shows on the Check screen itself, which asks again.
  const screen = loadScreen('check').catch(() => {});
  const questions = loadQuestions().catch(() => {});
  try {
    const start = await call('start', {});
    performance.mark?.('soleus:start-answered');
    applyTheme(start.settings.theme);
    if (start.open_record && start.active) {
      handed = { profileId: start.active.id, checks: start.checks };
      await Promise.all([screen, questions]);
    }
    return { kind: 'ready', start };
  } catch (e) {
    return { kind: 'failed', message: (e as AppError).message };
  }
}

/** The record's saved checks as read at start-up, handed over once: the Check screen's first draw. */
export function startChecks(profileId: number): SavedCheck[] | null {
  const h = handed;
  handed = null;
  return h && h.profileId === profileId ? h.checks : null;
}
