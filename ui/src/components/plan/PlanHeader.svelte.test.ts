import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { SavedPlan } from '../../lib/bindings';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const { default: PlanHeader } = await import('./PlanHeader.svelte');

const today = { date: '2026-12-07', run: 'yes', headline: 'Run: up to 5 km.', why: [] };
const condition = { condition: 'gastrocnemius_strain', name: 'Gastrocnemius strain', probability: 0.2, role: 'top', about: 'A torn calf muscle.' };

function header(plan: Partial<SavedPlan['plan']>, topChance?: string) {
  const saved = {
    check_id: 1, checked_at: '2026-12-07T09:00:00Z', triage: 'self_care', top_cause: 'Gastrocnemius strain', top_chance: topChance, today,
    plan: { title: 'If this is: Gastrocnemius strain', triage: 'self_care', triage_advice: 'Self-care.', conditions: [condition], sections: [], disclaimer: 'Not a diagnosis.', ...plan },
  } as unknown as SavedPlan;
  const target = document.createElement('div');
  document.body.append(target);
  const app = mount(PlanHeader, { target, props: { saved, profileId: 1, onpresent: () => {} } });
  flushSync();
  return { target, app };
}

describe('the plan header', () => {
  it('reads "If this is" and the chance in words until a clinician confirms the cause', () => {
    const { target, app } = header({}, 'possible');
    expect(target.querySelector('[data-testid=plan-title]')?.textContent).toBe('If this is: Gastrocnemius strain');
    expect(target.querySelector('.cond')?.textContent).toContain('Most likely: Gastrocnemius strain');
    expect(target.querySelector('.cond')?.textContent).toContain('(possible)');
    unmount(app);
  });

  it('reads as the confirmed cause, with who confirmed it and when, and no chance beside it', () => {
    const title = 'Gastrocnemius strain: confirmed by Sam Lee on Mon 7 Dec 2026';
    const { target, app } = header({ title, confirmed: { condition: 'gastrocnemius_strain', name: 'Gastrocnemius strain', by: 'Sam Lee', on: 'Mon 7 Dec 2026' } });
    expect(target.querySelector('[data-testid=plan-title]')?.textContent).toBe(title);
    const line = target.querySelector('.cond')?.textContent ?? '';
    expect(line).toContain('Confirmed by examination: Gastrocnemius strain');
    expect(line).not.toContain('Most likely');
    expect(line).toContain('Gastrocnemius strain. A torn');
    unmount(app);
  });
});
