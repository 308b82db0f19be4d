import { UserError } from '../errors.js';
import { readRegularFile } from '../media/read-regular-file.js';
import { checkNewPassword } from '../vault/password-policy.js';
import { askHidden, tellTerminal } from './terminal.js';
import { countOf } from '../count.js';
import { capitalise } from '../ui/sentence.js';

/**
 * Where a password comes from: `NAME` or `NAME_FILE` in the environment for scripts (as
 * restic and borg do), else a prompt on the terminal with echo off. Never argv.
 */
export interface PasswordSource {
  variable: string;
  prompt: string;
}

export const VAULT_PASSWORD: PasswordSource = { variable: 'AIRLOCK_PASSWORD', prompt: 'Vault password: ' };

/** Every variable a script may give a secret in, each also as `NAME_FILE` (a file holding it). */
const SECRET_VARIABLES = [
  'AIRLOCK_PASSWORD',
  'AIRLOCK_NEW_PASSWORD',
  'AIRLOCK_BACKUP_PASSWORD',
  'AIRLOCK_LEDGER_PASSPHRASE',
];

/** What a script gave: the secret itself (until it is used), or the file that holds it. */
interface Given {
  secret?: Uint8Array;
  file?: string;
}
const given = new Map<string, Given>();
const MAX_PASSWORD_FILE_BYTES = 64 * 1024;

/**
 * Takes every secret variable (and its `_FILE` form) out of the environment and keeps it here,
 * before anything else runs: no child process, worker or later code finds it there.
 */
export function takeSecretsFromEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  for (const variable of SECRET_VARIABLES) {
    const [secret, file] = [env[variable], env[`${variable}_FILE`]];
    delete env[variable];
    delete env[`${variable}_FILE`];
    if (secret === undefined && file === undefined) continue;
    given.set(variable, {
      secret: secret === undefined ? undefined : new Uint8Array(Buffer.from(secret, 'utf8')),
      file,
    });
  }
}

/** Whether a script gave this secret (or a file of it). */
export function givenByScript(variable: string): boolean {
  return given.has(knownVariable(variable));
}

/** Wipes what scripts gave, unused: the full-screen app asks for its passwords itself. */
export function forgetSecrets(): void {
  for (const { secret } of given.values()) secret?.fill(0);
  given.clear();
}

export async function readPassword(source: PasswordSource): Promise<Uint8Array> {
  const fromEnv = await passwordFromEnvironment(source.variable);
  return fromEnv ?? askHidden(source.prompt);
}

/** The secret a script gave, once (the caller wipes it); a file of it is read each time it is asked for. */
async function passwordFromEnvironment(variable: string): Promise<Uint8Array | undefined> {
  const entry = given.get(knownVariable(variable));
  if (entry?.secret) {
    const { secret } = entry;
    entry.secret = undefined;
    return secret;
  }
  const file = entry?.file;
  if (file === undefined) return undefined;
  let bytes: Buffer;
  try {
    // A password file is a few bytes: a FIFO, a device or anything large is refused unread.
    bytes = await readRegularFile(
      file,
      MAX_PASSWORD_FILE_BYTES,
      (size) =>
        new UserError(
          `${variable}_FILE ${file} is ${size} bytes, too large to hold a password`,
          'point it at a file holding only the password',
        ),
    );
  } catch (error) {
    if (error instanceof UserError) throw error;
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

/** A variable missing from SECRET_VARIABLES would stay in the environment: a bug, caught at its first use. */
function knownVariable(variable: string): string {
  if (!SECRET_VARIABLES.includes(variable))
    throw new Error(`${variable} is not taken from the environment at start-up`);
  return variable;
}

/** A new password: from the environment once, or typed twice. Weak ones get a warning on stderr. */
export async function readNewPassword(source: PasswordSource, what: string): Promise<Uint8Array> {
  const password = (await passwordFromEnvironment(source.variable)) ?? (await askNewPassword(source.prompt, what));
  let warning: string | undefined;
  try {
    warning = checkNewPassword(password, what);
  } catch (error) {
    password.fill(0);
    throw error;
  }
  if (warning) process.stderr.write(`airlock: warning: ${warning}\n`);
  return password;
}

/** How many times a person may type a new password that is too short or not repeated the same. */
export const NEW_PASSWORD_ATTEMPTS = 3;

/**
 * A new password typed twice. At a terminal a slip is no reason to start over (and, for a
 * backup, to unlock the vault again): one too short or repeated differently is asked again,
 * a few times, with what was wrong said on the terminal.
 */
async function askNewPassword(prompt: string, what: string): Promise<Uint8Array> {
  for (let attempt = 1; ; attempt++) {
    const password = await askHidden(prompt);
    const problem = await newPasswordProblem(password, what);
    if (problem === undefined) return password;
    password.fill(0);
    const left = NEW_PASSWORD_ATTEMPTS - attempt;
    if (left === 0) throw new UserError(problem, 'nothing was changed; try again');
    tellTerminal(`${capitalise(problem)}; try again (${countOf(left, 'try', 'tries')} left).`);
  }
}

/** Why a typed new password is refused, or nothing once it has been repeated the same. */
async function newPasswordProblem(password: Uint8Array, what: string): Promise<string | undefined> {
  try {
    checkNewPassword(password, what);
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  const again = await askHidden('Repeat it: ');
  const same = Buffer.from(again).equals(Buffer.from(password));
  again.fill(0);
  return same ? undefined : 'the two passwords differ';
}
