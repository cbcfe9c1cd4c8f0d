import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { ReturnToRun } from '../../lib/bindings';
import { settle } from '../../testing';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
const { default: ReturnToRunPanel } = await import('./ReturnToRunPanel.svelte');

const criterion = (text: string, verdict: 'met' | 'not_met' | 'not_tested', found?: string) => ({
  measure: 'calf_raises' as const, text, verdict, source: 'Green B, et al. Sports Med Open 2022.',
  ...(found ? { found, tested_on: '2026-12-05' } : {}),
});

function progress(raises: 'not_met' | 'met'): ReturnToRun {
  const calfDone = raises === 'met';
  return {
    condition: 'gastrocnemius_strain', condition_name: 'Gastrocnemius strain', protocol: 'Calf strain',
    caveat: 'If this is: Gastrocnemius strain. The calf strain tests guide; a clinician decides.',
    stages: [
      { name: 'Walking', goal: 'Walk without pain.', state: 'passed', exit: [criterion('No pain walking (0/10)', 'met', '0/10')] },
      { name: 'Calf strength', goal: 'Match the other leg.', state: calfDone ? 'passed' : 'current',
        exit: [criterion('At least 30 single-leg calf raises on each leg', raises, calfDone ? '31 left, 32 right' : '22 left, 30 right')] },
      { name: 'Hopping', goal: 'Hop without pain.', state: calfDone ? 'current' : 'ahead', exit: [criterion('No pain hopping on the injured leg (0/10)', 'not_tested')] },
    ],
    next: calfDone
      ? { to: 'the walk-run ladder', needs: ['No pain hopping on the injured leg (0/10)'], summary: 'To move on to the walk-run ladder: no pain hopping on the injured leg (0/10). Record the tests not yet done.' }
      : { to: 'Hopping', needs: ['At least 30 single-leg calf raises on each leg'], summary: 'To move on to Hopping: at least 30 single-leg calf raises on each leg.' },
    ladder: { unlocked: false, steps: ['Jog 1 min, walk 1 min: 20 minutes in all'], rules: [{ text: 'Never run two days in a row.', source: 'Green 2022.' }], source: 'Warden 2014.' },
    outcome: {
      instrument: { id: 'lefs', name: 'LEFS', min: 0, max: 80, important_change: 9, default: true, conditions: [], link: 'https://doi.org/x', src: 'binkley1999' },
      scores: [], due: true, next_due: '2026-12-07', every_days: 14, source: 'Binkley 1999.', find_it: 'Find it at https://doi.org/x.',
    },
  };
}

function setNumber(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('the return-to-run panel', () => {
  it("shows the core's verdicts, the stage and what unlocks the next step", async () => {
    invoke.mockReset().mockResolvedValueOnce(progress('not_met'));
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(ReturnToRunPanel, { target, props: { profileId: 1, checkId: null } });
    await settle();
    expect(invoke).toHaveBeenCalledWith('return_to_run', { profileId: 1, checkId: null });
    const stages = [...target.querySelectorAll('[data-testid=rtr-stage]')];
    expect(stages.map((s) => s.getAttribute('data-state'))).toEqual(['passed', 'current', 'ahead']);
    expect(stages[1].textContent).toContain('You are here');
    expect(stages[1].textContent).toContain('Not met');
    expect(stages[1].textContent).toContain('22 left, 30 right');
    expect(stages[2].textContent).toContain('Not yet tested');
    expect(target.querySelector('[data-testid=rtr-next]')?.textContent).toContain('To move on to Hopping');
    expect(target.querySelector('[data-testid=rtr-ladder]')?.getAttribute('data-unlocked')).toBe('false');
    expect(target.querySelector('[data-testid=rtr-outcome-due]')?.textContent).toContain('Your LEFS score is due');
    // Who decides is the core's sentence, shown as sent: the panel writes no care advice itself.
    expect(target.querySelector('[data-testid=rtr-caveat]')?.textContent).toBe(progress('not_met').caveat);
    unmount(app);
  });

  it("puts a refused count beside the calf raises, then a saved one moves the runner on", async () => {
    invoke.mockReset()
      .mockResolvedValueOnce(progress('not_met'))
      .mockRejectedValueOnce({ code: 'rtr_calf_raises_out_of_range', message: 'the calf raises (left) must be a whole number from 0 to 200; got -3' })
      .mockResolvedValueOnce({ tested_on: '2026-12-07' })
      .mockResolvedValueOnce(progress('met'));
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(ReturnToRunPanel, { target, props: { profileId: 1 } });
    await settle();
    const left = target.querySelector('[data-testid=rtr-raises-left]') as HTMLInputElement;
    const right = target.querySelector('[data-testid=rtr-raises-right]') as HTMLInputElement;
    setNumber(left, '-3');
    setNumber(right, '30');
    flushSync();
    (target.querySelector('[data-testid=rtr-save]') as HTMLButtonElement).click();
    await settle();
    const error = target.querySelector('[data-testid=rtr-error]')!;
    expect(error.textContent).toContain('from 0 to 200');
    expect(error.closest('fieldset')?.querySelector('legend')?.textContent).toBe('Single-leg calf raises');
    expect(left.getAttribute('aria-invalid')).toBe('true');
    expect((target.querySelector('[data-testid=rtr-hop-pain]') as HTMLInputElement).getAttribute('aria-invalid')).toBeNull();
    expect(invoke).toHaveBeenLastCalledWith('record_functional_test', expect.objectContaining({ test: expect.objectContaining({ calf_raises_left: -3 }) }));

    setNumber(left, '31');
    setNumber(right, '32');
    flushSync();
    (target.querySelector('[data-testid=rtr-save]') as HTMLButtonElement).click();
    await settle();
    await settle();
    expect(target.querySelector('[data-testid=rtr-error]')).toBeNull();
    const stages = [...target.querySelectorAll('[data-testid=rtr-stage]')];
    expect(stages.map((s) => s.getAttribute('data-state'))).toEqual(['passed', 'passed', 'current']);
    expect(target.querySelector('[role=status]')?.textContent).toContain('Saved the tests');
    unmount(app);
  });

  it('says what holds running back when the plan stops it', async () => {
    invoke.mockReset().mockResolvedValueOnce({ ...progress('met'), held: 'No running until a doctor has ruled out a clot; the tests below wait until then.' });
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(ReturnToRunPanel, { target, props: { profileId: 1 } });
    await settle();
    expect(target.querySelector('[data-testid=rtr-held]')?.textContent).toContain('ruled out a clot');
    unmount(app);
  });
});
