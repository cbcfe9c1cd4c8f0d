import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { settle } from '../../testing';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
const { default: RunScores } = await import('./RunScores.svelte');
const { default: MissedMorning } = await import('./MissedMorning.svelte');
const { default: PainMonitoring } = await import('./PainMonitoring.svelte');

const run = {
  run_id: 7, started_at: '2026-11-17T18:00:00+01:00', sport: 'running', distance_km: 12, label: "Tuesday's 12 km",
  during: 3, after: null, next_morning: null, morning_before: null, scores: [], verdict: 'awaiting_morning',
  sentence: "Tuesday's 12 km: no next-morning score yet; score it tomorrow morning to know whether it settled.",
};
const sites = [{ value: 'achilles', label: 'The tendon above the heel (Achilles)' }, { value: 'mid_calf', label: 'Middle of the calf' }];

function mountIt(onsaved = vi.fn()) {
  const target = document.createElement('div');
  document.body.append(target);
  const app = mount(RunScores, { target, props: { profileId: 1, version: 1, onsaved } });
  return { target, app, onsaved };
}

const click = (el: Element | null) => {
  (el as HTMLElement).click();
  flushSync();
};

describe('scoring a run', () => {
  it('lists each recent run with its scores and saves a score at the moment, side and site chosen', async () => {
    const entry = { id: 1, recorded_at: '2026-11-17T19:00:00+01:00', score: 4, moment: 'right after the run', side: 'left', notes: '', run_id: 7, run_moment: 'after', site: 'achilles' };
    invoke.mockImplementation((cmd: string) =>
      cmd === 'recent_runs' ? Promise.resolve([run]) : cmd === 'pain_sites' ? Promise.resolve(sites) : Promise.resolve(entry));
    const { target, app, onsaved } = mountIt();
    await settle();
    const row = target.querySelector('[data-testid=run-7]')!;
    expect(row.textContent).toContain("Tuesday's 12 km");
    expect(row.querySelector('[data-testid=run-scores-line]')?.textContent).toBe('During 3/10 · Right after — · Next morning —');
    expect(row.textContent).toContain('no next-morning score yet');
    click(target.querySelector('[data-testid=moment-after]'));
    click(target.querySelector('[data-testid=run-score-4]'));
    const site = target.querySelector('[data-testid=run-site]') as HTMLSelectElement;
    site.value = 'achilles';
    site.dispatchEvent(new Event('change'));
    flushSync();
    click(target.querySelector('[data-testid=save-run-score]'));
    await settle();
    expect(invoke).toHaveBeenCalledWith('score_run', { profileId: 1, runId: 7, moment: 'after', score: 4, side: null, site: 'achilles', recordedAt: null });
    expect(onsaved).toHaveBeenCalledWith(entry);
    expect(target.querySelector('[data-testid=run-score-saved]')?.textContent).toBe("Saved: 4/10 right after, Tuesday's 12 km.");
    unmount(app);
    invoke.mockReset();
  });

  it('says what is missing beside its field and sends nothing', async () => {
    invoke.mockImplementation((cmd: string) => Promise.resolve(cmd === 'recent_runs' ? [run] : sites));
    const { target, app, onsaved } = mountIt();
    await settle();
    click(target.querySelector('[data-testid=save-run-score]'));
    expect(target.querySelector('[data-testid=run-score-error]')?.textContent).toContain('from 0 (no pain) to 10');
    expect(invoke.mock.calls.some(([cmd]) => cmd === 'score_run')).toBe(false);
    expect(onsaved).not.toHaveBeenCalled();
    unmount(app);
    invoke.mockReset();
  });

  it("shows the core's refusal of a next-morning score on the run's day beside When, and saves nothing", async () => {
    const refusal = { code: 'log_next_morning_on_run_day', message: 'a next-morning score must be dated on a day after the run (Tue 17 Nov 2026); this one is dated Tue 17 Nov 2026' };
    invoke.mockImplementation((cmd: string) =>
      cmd === 'score_run' ? Promise.reject(refusal) : Promise.resolve(cmd === 'recent_runs' ? [run] : sites));
    const { target, app, onsaved } = mountIt();
    await settle();
    click(target.querySelector('[data-testid=moment-next_morning]'));
    click(target.querySelector('[data-testid=run-score-2]'));
    click(target.querySelector('[data-testid=save-run-score]'));
    await settle();
    expect(target.querySelector('[data-testid=moment-error]')?.textContent).toBe('A' + refusal.message.slice(1));
    expect(target.querySelector('[data-testid=run-score-saved]')).toBeNull();
    expect(onsaved).not.toHaveBeenCalled();
    unmount(app);
    invoke.mockReset();
  });

  it('offers nothing to pick when there are no recent runs, and says how to start', async () => {
    invoke.mockImplementation((cmd: string) => Promise.resolve(cmd === 'recent_runs' ? [] : sites));
    const { target, app } = mountIt();
    await settle();
    expect(target.querySelector('[data-testid=run-scores-empty]')?.textContent).toContain('Log or import a run');
    expect(target.querySelector('[data-testid=run-score-form]')).toBeNull();
    unmount(app);
    invoke.mockReset();
  });
});

describe('the missed next-morning score', () => {
  const missed = { run_id: 7, label: "Tuesday's 12 km", question: "How was it on the morning after Tuesday's 12 km?" };

  it('asks when the app opens, saves the score against the run, tells the Log screen, and is gone', async () => {
    invoke.mockImplementation((cmd: string) => Promise.resolve(cmd === 'missed_next_morning' ? missed : {}));
    const changed = vi.fn();
    window.addEventListener('soleus:log-changed', changed);
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(MissedMorning, { target, props: { profileId: 2 } });
    await settle();
    expect(target.querySelector('[data-testid=missed-morning]')?.textContent).toContain(missed.question);
    click(target.querySelector('[data-testid=missed-save]'));
    expect(target.querySelector('[data-testid=missed-error]')?.textContent).toContain('Choose a score');
    click(target.querySelector('[data-testid=missed-score-1]'));
    click(target.querySelector('[data-testid=missed-save]'));
    await settle();
    expect(invoke).toHaveBeenCalledWith('score_run', { profileId: 2, runId: 7, moment: 'next_morning', score: 1, side: null, site: null, recordedAt: null });
    expect(target.querySelector('[data-testid=missed-morning]')).toBeNull();
    expect(target.querySelector('[data-testid=missed-saved]')?.textContent).toContain("1/10 the morning after Tuesday's 12 km");
    expect(changed).toHaveBeenCalledTimes(1);
    window.removeEventListener('soleus:log-changed', changed);
    unmount(app);
    invoke.mockReset();
  });

  it('is dismissed with Not now and not asked again in this session', async () => {
    invoke.mockImplementation(() => Promise.resolve(missed));
    const target = document.createElement('div');
    document.body.append(target);
    const first = mount(MissedMorning, { target, props: { profileId: 3 } });
    await settle();
    click(target.querySelector('[data-testid=missed-dismiss]'));
    expect(target.querySelector('[data-testid=missed-morning]')).toBeNull();
    unmount(first);
    const again = mount(MissedMorning, { target, props: { profileId: 3 } });
    await settle();
    expect(target.querySelector('[data-testid=missed-morning]')).toBeNull();
    unmount(again);
    invoke.mockReset();
  });
});

describe("the review's pain-monitoring part", () => {
  it("shows the core's sentence about the run that did not settle, in amber", () => {
    const target = document.createElement('div');
    document.body.append(target);
    const sentence = "Not settled by the morning after Tuesday's 12 km: 4/10 the next morning, above the safe zone of 2/10.";
    const monitoring = { verdict: 'over_the_model' as const, sentences: [sentence], runs: [], morning_mean: 4, previous_morning_mean: null, source: 'Silbernagel KG et al.' };
    const app = mount(PainMonitoring, { target, props: { monitoring } });
    flushSync();
    const part = target.querySelector('[data-testid=pain-monitoring]')!;
    expect(part.classList.contains('warn')).toBe(true);
    expect(part.querySelector('[data-testid=monitoring-sentence]')?.textContent).toBe(sentence);
    unmount(app);
  });
});
