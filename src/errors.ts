import { printable } from './printable.js';

/**
 * Expected failures carry a message for the user and, where it helps, a hint saying what
 * to do. Anything else reaching the top level is a bug and is reported as one.
 */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** The command line was malformed: exit status 2. */
export class UsageError extends UserError {
  override readonly name = 'UsageError';
}

/** The password did not open the file. */
export class WrongPasswordError extends UserError {
  override readonly name = 'WrongPasswordError';
}

/** The file is not what it claims to be: truncated, altered or not ours. */
export class DamagedFileError extends UserError {
  override readonly name = 'DamagedFileError';
}

/** Another process holds the vault lock. */
export class VaultBusyError extends UserError {
  override readonly name = 'VaultBusyError';
  constructor(readonly pid: number) {
    super(`vault is in use by process ${pid}`, 'wait for it to finish, or close the other airlock');
  }
}

/** An error in words for the terminal: messages quote files and codes, so they are made printable here, once for the CLI and the app. */
export function describeError(error: unknown): { message: string; hint?: string; expected: boolean } {
  if (error instanceof UserError) {
    return {
      message: printable(error.message),
      hint: error.hint === undefined ? undefined : printable(error.hint),
      expected: true,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: printable(message), expected: false };
}
