// The UI's one door to the core: typed calls to the app's own commands.
//
// Argument and result types come from `bindings.ts`, generated from the Rust types, so a change
// on either side fails the build instead of failing at run time. Every rejection is turned into
// the core's `{code, message}` shape; screens show `message` and may branch on `code`.
import { invoke } from '@tauri-apps/api/core';
import type { ChosenFile, Commands, ErrorCode, ErrorPayload } from './bindings';

export type CommandName = keyof Commands;
export type Args<K extends CommandName> = Commands[K]['args'];
export type Result<K extends CommandName> = Commands[K]['result'];

/**
 * An error the person can read. `code` is one of the core's closed list (the `ErrorCode` union,
 * generated), so comparing it with a code that does not exist fails to type-check; never match
 * on `message`.
 */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'AppError';
    this.code = payload.code;
  }
}

const GENERIC = 'Something went wrong inside Soleus. Your data is safe; please try again.';

function isPayload(value: unknown): value is ErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorPayload).code === 'string' &&
    typeof (value as ErrorPayload).message === 'string'
  );
}

/**
 * Any rejection from `invoke` as an AppError. The core sends `{code, message}`; Tauri itself
 * rejects with a bare string (e.g. an argument that does not deserialize), and a panic or a
 * debug string must never reach the screen, so those get a generic message.
 */
export function toAppError(reason: unknown): AppError {
  if (reason instanceof AppError) return reason;
  if (isPayload(reason)) return new AppError(reason);
  return new AppError({ code: 'internal', message: GENERIC });
}

/** Calls a command of the app. Rejects with an AppError. */
export async function call<K extends CommandName>(cmd: K, args: Args<K>): Promise<Result<K>> {
  try {
    return await invoke<Result<K>>(cmd, args as Record<string, unknown>);
  } catch (reason) {
    throw toAppError(reason);
  }
}

/** The commands that take a file the person chose (`ChosenFile`). */
type FileCommand = { [K in CommandName]: Args<K> extends { file: ChosenFile } ? K : never }[CommandName];

/**
 * Sends a chosen file to its command: the bytes as the request's raw body, its name and profile
 * as headers (src-tauri/src/commands/chosen_file.rs). As JSON, a 20 MB file was a 70 MB array of
 * numbers built on this thread, and the window stopped answering while it was built and parsed.
 */
export async function sendFile<K extends FileCommand>(cmd: K, file: ChosenFile): Promise<Result<K>> {
  const headers = { 'soleus-profile-id': String(file.profileId), 'soleus-file-name': encodeURIComponent(file.name) };
  try {
    return await invoke<Result<K>>(cmd, file.bytes, { headers });
  } catch (reason) {
    throw toAppError(reason);
  }
}
