import { unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { mountScreen, settle } from '../testing';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
const { default: CheckScreen } = await import('./CheckScreen.svelte');
const { draftOf, keepDraft } = await import('../lib/checkDraft');
const { answer, newInterview } = await import('../lib/check');

// The engine's answer to a runner's first answer (soleus assess), its questions still to ask.
const assessed = {
  "differential": [
    {
      "condition": "achilles_tendinopathy",
      "name": "Achilles tendinopathy",
      "probability": 0.1612,
      "why": []
    },
    {
      "condition": "mtss",
      "name": "Medial tibial stress syndrome (shin splints)",
      "probability": 0.1612,
      "why": []
    },
    {
      "condition": "calf_overload",
      "name": "Calf muscle overload / fatigue ('knot', trigger point)",
      "probability": 0.1087,
      "why": []
    }
  ],
  "disclaimer": "Soleus is not a diagnosis. It suggests likely causes from your answers; only a clinician who examines you can diagnose. If you are worried, or the advice says so, seek care.",
  "engine_version": "soleus-engine 0.1.0 / knowledge 1",
  "next_questions": [
    "chest_symptoms",
    "foot_cold_pale",
    "pain_out_of_proportion",
    "location",
    "run_pattern"
  ],
  "red_flags": [],
  "triage": "self_care",
  "triage_advice": "Look after it yourself with the plan, and see a physiotherapist or doctor if it is not improving by the plan's review point."
};
const bool = (key: string) => ({ key, ask: key, question: `Is there ${key}?`, labels: [], clinician: false, red_flag: true, type: 'bool' });

describe('the check screen', () => {
  it('does not bring a saved check back as a check in progress when an answer is assessed after saving', async () => {
    let late!: (a: unknown) => void;
    let assessments = 0;
    invoke.mockImplementation((cmd: string) => {
      if (cmd === 'check_questions') return Promise.resolve({ questions: ['recent_immobilisation', ...assessed.next_questions].map(bool), settled_at: 0.9 });
      if (cmd === 'assess_check') return ++assessments === 1 ? Promise.resolve(assessed) : new Promise((r) => (late = r));
      if (cmd === 'save_check') return Promise.resolve({ id: 1, created_at: '2026-11-21T08:00:00Z', engine_version: 'x', case: {}, result: assessed });
      return Promise.resolve([]);
    });
    keepDraft(1, answer(newInterview(false), 'recent_immobilisation', false));
    const { target, app } = mountScreen(CheckScreen);
    await settle();
    (target.querySelector('[data-testid=answer-no]') as HTMLButtonElement).click(); // assessed slowly
    (target.querySelector('[data-testid=finish-early]') as HTMLButtonElement).click();
    await settle();
    expect(target.querySelector('[data-testid=check-saved]')).not.toBeNull();
    expect(draftOf(1)).toBeUndefined();
    late(assessed);
    await settle();
    expect(draftOf(1)).toBeUndefined();
    expect(target.querySelector('[data-testid=check-saved]')).not.toBeNull();
    unmount(app);
  });
});
