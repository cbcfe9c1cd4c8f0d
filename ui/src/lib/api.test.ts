import { describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { AppError, call, toAppError } = await import('./api');

describe('toAppError', () => {
  it('keeps the core error code and message', () => {
    const e = toAppError({ code: 'profile_name_taken', message: 'there is already a profile called "Ana"' });
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('profile_name_taken');
    expect(e.message).toBe('there is already a profile called "Ana"');
  });

  it('types the code as the core\'s closed list', () => {
    const e = toAppError({ code: 'saved_check_not_found', message: 'gone' });
    // @ts-expect-error a code the core never sends is not an ErrorCode: comparing with it fails `npm run check`
    expect(e.code === 'saved_check_gone').toBe(false);
    expect(e.code === 'saved_check_not_found').toBe(true);
  });

  it('never shows a raw string, panic or debug dump', () => {
    for (const raw of ['invalid args `id` for command `rename_profile`', new Error('panicked at src/lib.rs:1'), undefined, { code: 1 }]) {
      const e = toAppError(raw);
      expect(e.code).toBe('internal');
      expect(e.message).not.toMatch(/panicked|invalid args|src\//);
      expect(e.message.length).toBeGreaterThan(10);
    }
  });
});

describe('call', () => {
  it('passes the arguments and returns the result', async () => {
    invoke.mockResolvedValueOnce({ id: 1, name: 'Ana', created_at: '2026-11-21T08:00:00Z' });
    const p = await call('create_profile', { name: 'Ana' });
    expect(invoke).toHaveBeenLastCalledWith('create_profile', { name: 'Ana' });
    expect(p.name).toBe('Ana');
  });

  it('rejects with an AppError carrying the core code', async () => {
    invoke.mockRejectedValueOnce({ code: 'profile_name_empty', message: 'a profile needs a name' });
    await expect(call('create_profile', { name: ' ' })).rejects.toMatchObject({ code: 'profile_name_empty', message: 'a profile needs a name' });
  });
});
