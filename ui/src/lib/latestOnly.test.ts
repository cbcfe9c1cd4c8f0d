import { describe, expect, it } from 'vitest';
import { latestOnly } from './latestOnly';
import { deferred } from '../testing';

describe('latestOnly', () => {
  it('lands only the latest reply, whichever comes back first', async () => {
    const ask = latestOnly();
    const first = deferred<string>();
    const second = deferred<string>();
    const seen: string[] = [];
    const one = ask(first.promise, (v) => seen.push(v), () => seen.push('failed'));
    const two = ask(second.promise, (v) => seen.push(v), () => seen.push('failed'));
    second.resolve('second');
    first.resolve('first');
    await Promise.all([one, two]);
    expect(seen).toEqual(['second']);
  });

  it("drops an earlier question's error and hands the latest one's to `failed`", async () => {
    const ask = latestOnly();
    const seen: string[] = [];
    const early = deferred<string>();
    const one = ask(early.promise, (v) => seen.push(v), (e) => seen.push(`early ${e.message}`));
    const two = ask(Promise.reject(new Error('refused')), (v) => seen.push(v), (e) => seen.push(`late ${e.message}`));
    early.reject(new Error('stale'));
    await Promise.all([one, two]);
    expect(seen).toEqual(['late refused']);
  });
});
