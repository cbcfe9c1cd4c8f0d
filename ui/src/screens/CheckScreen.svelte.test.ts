import { unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { CheckStep, FindingInfo } from '../lib/bindings';
import { mountScreen, settle } from '../testing';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
const { default: CheckScreen } = await import('./CheckScreen.svelte');
const { draftOf, dropDraft, keepDraft } = await import('../lib/checkDraft');
const { answer, newInterview } = await import('../lib/check');

const base = { ask: '', labels: [] as string[], clinician: false, red_flag: false };
const bool = (key: string, more: Partial<FindingInfo> = {}): FindingInfo => ({ ...base, key, question: `Is there ${key}?`, type: 'bool', ...more } as FindingInfo);
const QUESTIONS: FindingInfo[] = [
  bool('chest_symptoms', { red_flag: true }), bool('foot_cold_pale', { red_flag: true }), bool('recent_immobilisation'),
  bool('pitting_oedema', { clinician: true, how: 'Press over the shin for 10 seconds.' }),
  { ...base, key: 'calf_circumference_diff_cm', question: 'Calf circumference difference, in cm', type: 'number', min: 0, max: 30, clinician: true, how: 'Measure both calves 10 cm below the tibial tuberosity.' },
  { ...base, key: 'thompson_test', question: 'Calf squeeze test', type: 'enum', values: ['positive', 'negative'], labels: ['The foot does not move', 'The foot moves'], clinician: true },
];

/** A step as the core sends it (soleus::app::check), for the parts a test changes. */
function step(over: Partial<CheckStep> = {}): CheckStep {
  return {
    result: {
      assessment: {
        triage: 'self_care', triage_advice: 'Look after it yourself.', red_flags: [], next_questions: ['foot_cold_pale'],
        disclaimer: 'Not a diagnosis.', engine_version: '1',
        differential: [{ condition: 'dvt', name: 'Deep vein thrombosis', probability: 0.9963, why: [] }],
      },
      chances: [{ condition: 'dvt', name: 'Deep vein thrombosis', band: 'likely', words: 'likely', figure: 'over 95%', share: 0.95, why: [] }],
      wells: null,
    },
    stage: 'asking', next_question: 'foot_cold_pale', warning_signs_open: [], emergency: null, answers: [], ...over,
  };
}

function mock(steps: (args: { answers: { findings: Record<string, unknown> } }) => CheckStep | Promise<CheckStep>) {
  invoke.mockReset();
  invoke.mockImplementation((cmd: string, args: never) => {
    if (cmd === 'check_questions') return Promise.resolve({ questions: QUESTIONS });
    if (cmd === 'assess_check') return Promise.resolve(steps(args));
    if (cmd === 'save_check') return Promise.resolve({ saved: { id: 1, created_at: '2026-11-21T08:00:00Z', engine_version: 'x', case: {}, result: {}, notes: '' }, view: null, answers: [], examined: false });
    return Promise.resolve([]);
  });
}

/** Opens the screen for profile 1 on `draft`, a check in progress, and lets it settle. */
async function resume(draft: Parameters<typeof keepDraft>[1]) {
  keepDraft(1, draft);
  const mounted = mountScreen(CheckScreen);
  await settle();
  return mounted;
}

const q = (target: HTMLElement, css: string) => target.querySelector(css) as HTMLElement | null;
const calls = (cmd: string) => invoke.mock.calls.filter((c) => c[0] === cmd);

describe('the check screen', () => {
  it('does not bring a saved check back as a check in progress when an answer is assessed after saving', async () => {
    let late!: (a: CheckStep) => void;
    let n = 0;
    mock(() => (++n === 1 ? step() : new Promise<CheckStep>((r) => (late = r))));
    const { target, app } = await resume(answer(newInterview(false), 'recent_immobilisation', false));
    q(target, '[data-testid=answer-no]')!.click(); // assessed slowly
    q(target, '[data-testid=finish-early]')!.click();
    await settle();
    expect(q(target, '[data-testid=check-saved]')).not.toBeNull();
    expect(draftOf(1)).toBeUndefined();
    late(step());
    await settle();
    expect(draftOf(1)).toBeUndefined();
    expect(q(target, '[data-testid=check-saved]')).not.toBeNull();
    unmount(app);
  });

  it('words each chance as the core does, with the figure only on demand and never a certainty', async () => {
    mock(() => step());
    const { target, app } = await resume(answer(newInterview(false), 'recent_immobilisation', true));
    const cause = q(target, '[data-testid=cause]')!;
    expect(cause.dataset.band).toBe('likely');
    expect(q(cause, '[data-testid=chance-words]')!.textContent).toBe('likely');
    expect(q(target, '[data-testid=differential]')!.textContent).not.toMatch(/\d+%/);
    q(target, '[data-testid=show-figures]')!.click();
    await settle();
    expect(q(cause, '[data-testid=chance-figure]')!.textContent).toContain('over 95%');
    // The bar is drawn from the core's rounded share, not the raw 0.9963.
    expect((q(cause, '.bar span')!.style.width)).toBe('95%');
    expect(target.textContent).not.toContain('99');
    dropDraft(1);
    unmount(app);
  });

  it('shows no result while a warning-sign question is unanswered, and no way to save it', async () => {
    mock(() => step({ warning_signs_open: ['foot_cold_pale'] }));
    const { target, app } = await resume(answer(newInterview(false), 'chest_symptoms', false));
    expect(q(target, '[data-testid=check-result]')).toBeNull();
    expect(q(target, '[data-testid=result-waiting]')).not.toBeNull();
    expect(q(target, '[data-testid=finish-early]')).toBeNull();
    dropDraft(1);
    unmount(app);
  });

  it('reads a half-known Wells score as incomplete, never as reassurance, and asks the rest', async () => {
    const wells = { state: 'incomplete' as const, score: 0, known: 4, total: 10, says: 'Incomplete: 4 of 10 items known.', items: [], missing: ['pitting_oedema', 'calf_circumference_diff_cm'] };
    mock(() => step({ result: { ...step().result, wells } }));
    const { target, app } = await resume(answer(newInterview(true), 'recent_immobilisation', true));
    const card = q(target, '[data-testid=wells]')!;
    expect(card.dataset.state).toBe('incomplete');
    expect(q(card, '[data-testid=wells-says]')!.textContent).toBe('Incomplete: 4 of 10 items known.');
    expect(q(card, 'h2')!.textContent).toBe('Wells score for a leg clot');
    expect(card.textContent).not.toContain('less likely');
    const missing = [...card.querySelectorAll<HTMLElement>('[data-testid=wells-missing]')];
    expect(missing.map((m) => m.dataset.key)).toEqual(['pitting_oedema', 'calf_circumference_diff_cm']);
    expect(missing[0].textContent).toContain('Is there pitting_oedema?');
    // "Answer" asks that item now, in place of the engine's next question.
    (missing[0].querySelector('[data-testid=wells-ask]') as HTMLButtonElement).click();
    await settle();
    expect(q(target, '[data-testid=question]')!.dataset.key).toBe('pitting_oedema');
    dropDraft(1);
    unmount(app);
  });

  it('ends the interview on an emergency: one full-window instruction, no question behind it, the answers saved', async () => {
    const emergency = {
      title: 'Call an emergency number now', call: 'Call 999 (UK), 112 (Europe) or 911 (North America) now.',
      say: ['Where you are, first.', 'What is wrong: it may be a blood clot in the lung.'], dont: ['Do not drive yourself to hospital.'],
      because: ['Chest pain with a painful leg can mean a clot has reached the lung.'],
      saving: 'Keeping the answers…', saved: 'Kept: show them to whoever treats you.',
    };
    const answers = [{ key: 'chest_symptoms', group: 'history' as const, question: 'Any chest pain?', answer: 'Yes', unsure: false }];
    mock(({ answers: a }) => (a.findings.chest_symptoms === true
      ? step({ stage: 'emergency', next_question: null, emergency, answers, warning_signs_open: ['foot_cold_pale'] })
      : step({ next_question: 'chest_symptoms', warning_signs_open: ['chest_symptoms', 'foot_cold_pale'] })));
    const { target, app } = mountScreen(CheckScreen);
    await settle();
    q(target, '[data-testid=start-runner]')!.click();
    await settle();
    expect(q(target, '[data-testid=question]')!.dataset.key).toBe('chest_symptoms');
    q(target, '[data-testid=answer-yes]')!.click();
    await settle();
    const sos = q(target, '[data-testid=emergency-end]')!;
    expect(sos.getAttribute('role')).toBe('alertdialog');
    expect(q(sos, '[data-testid=emergency-call]')!.textContent).toContain('112');
    expect(q(sos, '[data-testid=emergency-say]')!.textContent).toContain('blood clot in the lung');
    expect(q(sos, '[data-testid=emergency-dont]')!.textContent).toContain('Do not drive');
    expect(q(target, '[data-testid=question]')).toBeNull();
    expect(q(target, '[data-testid=finish-early]')).toBeNull();
    expect(document.activeElement?.id).toBe('sos-title');
    // Saved at once for the clinician, and said so.
    expect(calls('save_check')).toHaveLength(1);
    expect(calls('save_check')[0][1]).toMatchObject({ profileId: 1, answers: { findings: { chest_symptoms: true } } });
    expect(q(sos, '[data-testid=emergency-saved]')!.dataset.saved).toBe('true');
    // In the core's words, from the view model: the screen writes no care advice of its own.
    expect(q(sos, '[data-testid=emergency-saved]')!.textContent!.trim()).toBe(emergency.saved);
    expect(q(sos, '[data-testid=saved-answer]')!.textContent).toContain('Any chest pain?');
    expect(draftOf(1)).toBeUndefined();
    unmount(app);
  });

  it('takes the examination form in any order: a value out of range is refused beside its field and nothing is sent', async () => {
    mock(() => step());
    const { target, app } = await resume(answer(newInterview(true), 'recent_immobilisation', true));
    q(target, '[data-testid=exam-open]')!.click();
    await settle();
    const form = q(target, '[data-testid=exam-form]')!;
    // Every examination test, each with how to do it.
    expect([...form.querySelectorAll<HTMLElement>('[data-testid=exam-field]')].map((f) => f.dataset.key))
      .toEqual(['pitting_oedema', 'calf_circumference_diff_cm', 'thompson_test']);
    expect(form.textContent).toContain('Measure both calves 10 cm below the tibial tuberosity.');
    const calf = q(form, '[data-testid=exam-field][data-key=calf_circumference_diff_cm] input') as HTMLInputElement;
    calf.value = '40';
    calf.dispatchEvent(new Event('input'));
    (q(form, '[data-testid=exam-field][data-key=thompson_test] [data-value=negative]') as HTMLInputElement).click();
    const before = calls('assess_check').length;
    q(form, '[data-testid=exam-save]')!.click();
    await settle();
    const error = q(form, '[data-testid=exam-field][data-key=calf_circumference_diff_cm] [data-testid=exam-error]');
    expect(error?.textContent).toBe('40 is outside the range. Type a number from 0 to 30.');
    expect(calf.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(calf);
    expect(calls('assess_check').length).toBe(before);

    calf.value = '3.5';
    calf.dispatchEvent(new Event('input'));
    q(form, '[data-testid=exam-save]')!.click();
    await settle();
    // The save's own call, the first after the refused one (the next question's possible answers
    // are asked for ahead after it: lib/checkAhead.ts).
    expect(calls('assess_check')[before]![1]).toEqual({
      answers: { findings: { recent_immobilisation: true, calf_circumference_diff_cm: 3.5, thompson_test: 'negative' }, not_known: [], examining: true },
    });
    expect(q(target, '[data-testid=exam-form]')).toBeNull();
    dropDraft(1);
    unmount(app);
  });

  it("shows the core's refusal of over-long notes beside the notes, and keeps the check unsaved", async () => {
    mock(() => step({ stage: 'enough', next_question: null }));
    invoke.mockImplementation((cmd: string) => {
      if (cmd === 'check_questions') return Promise.resolve({ questions: QUESTIONS });
      if (cmd === 'assess_check') return Promise.resolve(step({ stage: 'enough', next_question: null }));
      if (cmd === 'save_check') return Promise.reject({ code: 'check_notes_too_long', message: 'the notes can be at most 4000 characters; these have 4001' });
      return Promise.resolve([]);
    });
    const { target, app } = await resume({ ...answer(newInterview(true), 'recent_immobilisation', true), notes: 'n'.repeat(4001) });
    q(target, '[data-testid=finish-check]')!.click();
    await settle();
    expect(q(target, '[data-testid=notes-error]')!.textContent).toContain('at most 4000 characters');
    expect(q(target, '[data-testid=check-saved]')).toBeNull();
    expect(draftOf(1)?.notes).toHaveLength(4001);
    dropDraft(1);
    unmount(app);
  });

  it("sends who is examining with the check, and shows the core's refusal of the name beside its field", async () => {
    mock(() => step({ stage: 'enough', next_question: null }));
    const refuse = { code: 'examiner_name_blank', message: 'the name of who examined is only spaces: type their name' };
    invoke.mockImplementation((cmd: string, args: { examinedBy?: string | null }) => {
      if (cmd === 'check_questions') return Promise.resolve({ questions: QUESTIONS });
      if (cmd === 'assess_check') return Promise.resolve(step({ stage: 'enough', next_question: null }));
      if (cmd === 'save_check') {
        if (args.examinedBy?.trim() === '') return Promise.reject(refuse);
        return Promise.resolve({ saved: { id: 1, created_at: '2026-11-21T08:00:00Z', engine_version: 'x', case: {}, result: {}, notes: '' }, view: null, answers: [], examined: true, examined_by: args.examinedBy });
      }
      return Promise.resolve([]);
    });
    const { target, app } = await resume(answer(newInterview(true), 'recent_immobilisation', true));
    const field = q(target, '[data-testid=examiner-name]') as HTMLInputElement;
    field.value = '   ';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    q(target, '[data-testid=finish-check]')!.click();
    await settle();
    expect(q(target, '[data-testid=examiner-error]')!.textContent).toContain('only spaces');
    expect(field.getAttribute('aria-describedby')).toBe('examiner-error');
    expect(q(target, '[data-testid=check-saved]')).toBeNull();

    field.value = 'Sam Lee';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(q(target, '[data-testid=examiner-error]')).toBeNull();
    q(target, '[data-testid=finish-check]')!.click();
    await settle();
    expect(calls('save_check').at(-1)![1]).toMatchObject({ profileId: 1, examinedBy: 'Sam Lee' });
    expect(q(target, '[data-testid=check-saved]')).not.toBeNull();
    dropDraft(1);
    unmount(app);
  });
});
