import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { checkNewPassword } from '../vault/password-policy.js';
import { askHidden } from './terminal.js';

/**
 * Where a password comes from: `NAME` or `NAME_FILE` in the environment for scripts (as
 * restic and borg do), else a prompt on the terminal with echo off. Never argv.
 */
export interface PasswordSource {
  variable: string;
  prompt: string;
}

export const VAULT_PASSWORD: PasswordSource = { variable: 'AIRLOCK_PASSWORD', prompt: 'Vault password: ' };

export async function readPassword(source: PasswordSource): Promise<Uint8Array> {
  const fromEnv = await passwordFromEnvironment(source.variable);
  return fromEnv ?? askHidden(source.prompt);
}

async function passwordFromEnvironment(variable: string): Promise<Uint8Array | undefined> {
  const direct = process.env[variable];
  const file = process.env[`${variable}_FILE`];
  // Out of the environment at once, so no child process inherits it.
  delete process.env[variable];
  if (direct !== undefined) return new Uint8Array(Buffer.from(direct, 'utf8'));
  if (file === undefined) return undefined;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new UserError(`cannot read ${variable}_FILE ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  // Like a line typed at a prompt: one trailing newline is not part of the password.
  let end = bytes.length;
  if (bytes[end - 1] === 0x0a) end--;
  if (bytes[end - 1] === 0x0d) end--;
  const password = new Uint8Array(bytes.subarray(0, end));
  bytes.fill(0);
  return password;
}

/** A new password: from the environment once, or typed twice. Weak ones get a warning on stderr. */
export async function readNewPassword(source: PasswordSource, what: string): Promise<Uint8Array> {
  let password = await passwordFromEnvironment(source.variable);
  if (!password) {
    password = await askHidden(source.prompt);
    checkNewPassword(password, what);
    const again = await askHidden('Repeat it: ');
    const same = Buffer.from(again).equals(Buffer.from(password));
    again.fill(0);
    if (!same) {
      password.fill(0);
      throw new UserError('the two passwords differ', 'nothing was changed; try again');
    }
  }
  const warning = checkNewPassword(password, what);
  if (warning) process.stderr.write(`airlock: warning: ${warning}\n`);
  return password;
}
