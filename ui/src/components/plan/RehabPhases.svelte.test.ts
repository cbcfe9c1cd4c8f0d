import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { PHASE_WAITS, type RehabPhase } from '../../lib/bindings';
import { phase } from '../../lib/plan.fixtures';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
const { default: RehabPhases } = await import('./RehabPhases.svelte');

describe('the rehab phases', () => {
  it("says a phase left with no exercise waits, in the core's words (knowledge/plans/common.toml)", () => {
    const phases = [phase('Settle', ['a']), phase('Run', [])] as RehabPhase[];
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(RehabPhases, { target, props: { phases, cards: new Map(), onexercise: () => {} } });
    flushSync();
    const waits = [...target.querySelectorAll('[data-testid=phase-waits]')];
    expect(waits).toHaveLength(1);
    expect(PHASE_WAITS.length).toBeGreaterThan(20);
    expect(waits[0].textContent).toBe(PHASE_WAITS);
    expect(target.querySelectorAll('h3')[1].textContent).toBe('Phase 2: Run');
    unmount(app);
  });
});
