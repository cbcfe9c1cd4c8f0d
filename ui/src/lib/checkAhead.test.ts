import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FindingInfo } from './bindings';
import { answer, newInterview, notSure, toArgs } from './check';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
const { CheckAhead, oneClickAnswers } = await import('./checkAhead');

const base = { ask: '', question: 'Q?', labels: [], clinician: false, red_flag: false };
const yesno = { ...base, key: 'swelling', type: 'bool' } as FindingInfo;
const choice = { ...base, key: 'onset', type: 'enum', values: ['sudden', 'gradual'] } as FindingInfo;
const many = { ...base, key: 'location', type: 'enum', values: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] } as FindingInfo;
const typed = { ...base, key: 'age', type: 'integer', min: 10, max: 100 } as FindingInfo;
const assessed = () => invoke.mock.calls.filter((c) => c[0] === 'assess_check').map((c) => c[1].answers);

describe('the next step asked for ahead', () => {
  beforeEach(() => {
    invoke.mockReset();
    invoke.mockImplementation((_cmd: string, args: { answers: unknown }) => Promise.resolve({ for: args.answers }));
  });

  it('offers "not sure" and each one-click answer, but no typed number and no long list', () => {
    const now = answer(newInterview(false), 'age', 40);
    expect(oneClickAnswers(now, yesno)).toEqual([notSure(now, 'swelling'), answer(now, 'swelling', true), answer(now, 'swelling', false)]);
    expect(oneClickAnswers(now, choice).map((iv) => iv.findings.onset)).toEqual([undefined, 'sudden', 'gradual']);
    expect(oneClickAnswers(now, many)).toEqual([notSure(now, 'location')]);
    expect(oneClickAnswers(now, typed)).toEqual([notSure(now, 'age')]);
  });

  it("answers a click from what was asked ahead, and asks the core for any other answers", async () => {
    const ahead = new CheckAhead();
    const now = newInterview(false);
    ahead.prepare(now, yesno);
    expect(assessed()).toEqual([toArgs(notSure(now, 'swelling')), toArgs(answer(now, 'swelling', true)), toArgs(answer(now, 'swelling', false))]);

    // The click on "No": the step asked for ahead, no new call.
    const no = answer(now, 'swelling', false);
    expect(await ahead.assess(no)).toEqual({ for: toArgs(no) });
    expect(assessed()).toHaveLength(3);

    // Used once: the same answers again (or any others) go to the core.
    expect(await ahead.assess(no)).toEqual({ for: toArgs(no) });
    expect(assessed()).toHaveLength(4);
    ahead.prepare(no, yesno);
    const other = answer(no, 'age', 30);
    await ahead.assess(other);
    expect(assessed().at(-1)).toEqual(toArgs(other));
  });

  it("gives a click the core's refusal of that answer, and leaves none unhandled before", async () => {
    invoke.mockImplementation(() => Promise.reject({ code: 'internal', message: 'refused' }));
    const ahead = new CheckAhead();
    ahead.prepare(newInterview(false), yesno);
    await new Promise((r) => setTimeout(r, 0));
    await expect(ahead.assess(notSure(newInterview(false), 'swelling'))).rejects.toMatchObject({ message: 'refused' });
  });
});
