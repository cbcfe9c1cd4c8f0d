import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { SavedCheck as SavedCheckView } from '../../lib/bindings';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
const { default: SavedCheck } = await import('./SavedCheck.svelte');
const { pastChecks } = await import('../../lib/history');
const { settle } = await import('../../testing');

const row = { id: 3, created_at: '2026-11-20T09:00:00Z', engine_version: '0.1', case: { findings: {}, not_known: [] }, notes: '' };

function show(over: Partial<SavedCheckView> = {}) {
  const view: SavedCheckView = {
    saved: { ...row, result: { triage: 'urgent', differential: [{ name: 'Deep vein thrombosis' }] } },
    view: null, answers: [], examined: false, ...over,
  };
  const [check] = pastChecks([view]);
  const target = document.createElement('div');
  document.body.append(target);
  const noop = () => {};
  const onchanged = vi.fn();
  const app = mount(SavedCheck, {
    target, props: { check, profileId: 1, onback: noop, onplan: noop, onpresent: noop, ondeleted: noop, onchanged },
  });
  flushSync();
  return { target, app, onchanged };
}

describe('a saved check read back', () => {
  it('still says how urgent it was when its result can no longer be read in full', () => {
    // An older version's result: the triage and the top cause are there, the rest is not.
    const { target, app } = show();
    expect(target.querySelector('[data-testid=saved-unreadable]')).not.toBeNull();
    const chip = target.querySelector('[data-testid=triage-chip]');
    expect(chip?.getAttribute('data-triage')).toBe('urgent');
    expect(target.querySelector('[data-testid=care-notice]')).not.toBeNull();
    unmount(app);
  });

  it('gives the focus back to Delete when the person chooses to keep the check', async () => {
    const { target, app } = show();
    (target.querySelector('[data-testid=saved-delete]') as HTMLButtonElement).click();
    await settle();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('delete-confirm-yes');
    (target.querySelector('[data-testid=delete-confirm-no]') as HTMLButtonElement).click();
    await settle();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('saved-delete');
    unmount(app);
  });

  it('lists the answers under History and Examination in the words given, never by key', () => {
    const { target, app } = show({
      answers: [
        { key: 'thompson_test', group: 'examination', question: 'Calf squeeze test', answer: 'The foot moves', unsure: false },
        { key: 'pop', group: 'history', question: 'Did you feel a pop?', answer: 'Yes', unsure: false },
      ],
      examined: true,
    });
    const heads = [...target.querySelectorAll('[data-testid=answer-group]')].map((h) => h.textContent);
    expect(heads).toEqual(['History', 'Examination']);
    const text = target.querySelector('[data-testid=saved-answers]')!.textContent!;
    expect(text).toContain('Calf squeeze test');
    expect(text).not.toContain('thompson_test');
    unmount(app);
  });

  it("keeps the clinician's notes, and shows the core's refusal beside the field with nothing changed", async () => {
    const { target, app, onchanged } = show();
    const area = target.querySelector('[data-testid=notes-input]') as HTMLTextAreaElement;
    area.value = 'x'.repeat(4001);
    area.dispatchEvent(new Event('input'));
    flushSync();
    expect(target.querySelector('.count')?.textContent).toBe('4001 of 4000 characters');
    invoke.mockRejectedValueOnce({ code: 'check_notes_too_long', message: 'the notes can be at most 4000 characters; these have 4001' });
    (target.querySelector('[data-testid=notes-save]') as HTMLButtonElement).click();
    await settle();
    expect(target.querySelector('[data-testid=notes-error]')?.textContent).toContain('at most 4000 characters');
    expect(target.querySelector('[data-testid=notes-input]')?.getAttribute('aria-invalid')).toBe('true');
    expect(onchanged).not.toHaveBeenCalled();

    area.value = 'Sent for a scan.';
    area.dispatchEvent(new Event('input'));
    invoke.mockResolvedValueOnce({ saved: { ...row, result: {}, notes: 'Sent for a scan.' }, view: null, answers: [], examined: false });
    (target.querySelector('[data-testid=notes-save]') as HTMLButtonElement).click();
    await settle();
    expect(invoke).toHaveBeenLastCalledWith('set_check_notes', { profileId: 1, id: 3, notes: 'Sent for a scan.' });
    expect(onchanged).toHaveBeenCalledOnce();
    expect(target.querySelector('[data-testid=notes-error]')).toBeNull();
    expect(target.querySelector('[data-testid=notes-saved]')).not.toBeNull();
    unmount(app);
  });

  it('makes the PDF report of this check in one click and says it is opening in the viewer', async () => {
    const { target, app } = show();
    invoke.mockResolvedValueOnce({
      file: { kind: 'report', path: '/home/ana/Downloads/Soleus report - Ana - 2026-11-20.pdf', pain_scores: 0, sessions: 0, checks: 1, exercise_completions: 0 },
      opened: true,
    });
    (target.querySelector('[data-testid=report-pdf]') as HTMLButtonElement).click();
    await settle();
    expect(invoke).toHaveBeenLastCalledWith('save_report_pdf', { profileId: 1, checkId: 3 });
    const said = target.querySelector('[data-testid=report-pdf-saved]')?.textContent ?? '';
    expect(said).toContain('Soleus report - Ana - 2026-11-20.pdf');
    expect(said).toContain('Opening it in your PDF viewer.');
    expect(said).not.toContain('/home');
    unmount(app);
  });
});
