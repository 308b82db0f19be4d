import { printable } from './printable.js';

/**
 * What kind of failure it was, for scripts (`--json` prints it as `error.code`). Stable: a code
 * once published keeps its meaning; a new kind of failure gets a new code.
 */
export type ErrorCode =
  | 'usage'
  | 'no-vault'
  | 'wrong-password'
  | 'damaged-file'
  | 'vault-busy'
  | 'not-found'
  | 'already-exists'
  | 'no-terminal'
  | 'cancelled'
  | 'ledger'
  | 'failed'
  | 'internal';

/**
 * Expected failures carry a message for the user and, where it helps, a hint saying what
 * to do. Anything else reaching the top level is a bug and is reported as one.
 */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  /** Any expected failure without a kind of its own. */
  readonly code: ErrorCode = 'failed';
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
  override readonly code = 'usage';
}

/** There is no vault where the command looked for one. */
export class NoVaultError extends UserError {
  override readonly name = 'NoVaultError';
  override readonly code = 'no-vault';
  constructor(readonly path: string) {
    super(`no vault at ${path}`, 'create one with `airlock init`, or point --vault at yours');
  }
}

/** The password did not open the file. */
export class WrongPasswordError extends UserError {
  override readonly name = 'WrongPasswordError';
  override readonly code = 'wrong-password';
}

/** The file is not what it claims to be: truncated, altered or not ours. */
export class DamagedFileError extends UserError {
  override readonly name = 'DamagedFileError';
  override readonly code = 'damaged-file';
}

/** Another process holds the vault lock. */
export class VaultBusyError extends UserError {
  override readonly name = 'VaultBusyError';
  override readonly code = 'vault-busy';
  constructor(readonly pid: number) {
    super(`vault is in use by process ${pid}`, 'wait for it to finish, or close the other airlock');
  }
}

/** No identity, account or address-book entry goes by that name or address. */
export class NotFoundError extends UserError {
  override readonly name = 'NotFoundError';
  override readonly code = 'not-found';
}

/** The name, key, address or file is taken already. */
export class AlreadyExistsError extends UserError {
  override readonly name = 'AlreadyExistsError';
  override readonly code = 'already-exists';
}

/** A question (a password, a confirmation) needs a terminal, and there is none. */
export class NoTerminalError extends UserError {
  override readonly name = 'NoTerminalError';
  override readonly code = 'no-terminal';
}

/** The person cancelled (Esc, Ctrl-C) at a prompt. */
export class CancelledError extends UserError {
  override readonly name: string = 'CancelledError';
  override readonly code = 'cancelled';
  constructor() {
    super('cancelled');
  }
}

export interface DescribedError {
  code: ErrorCode;
  message: string;
  hint?: string;
  expected: boolean;
}

/** An error in words for the terminal: messages quote files and codes, so they are made printable here, once for the CLI and the app. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof UserError) {
    return {
      code: error.code,
      message: printable(error.message),
      hint: error.hint === undefined ? undefined : printable(error.hint),
      expected: true,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: printable(message), expected: false };
}
