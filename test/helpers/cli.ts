/**
 * Drives the real airlock binary (dist/cli/main.js, built with `npx tsc -p tsconfig.build.json`)
 * for end-to-end tests: no mocks, a minimal environment, temporary vaults. Importing it fails
 * without a build, so what unit tests share lives in ./files.ts, ./dev-keys.ts and ./vault.ts.
 */
import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, expect } from 'vitest';
import * as actions from '../../src/vault/actions.js';
import { VaultSession } from '../../src/vault/store.js';
import { DEV_PHRASE } from './dev-keys.js';
import { REPO_ROOT } from './files.js';
import { FAST_SCRYPT } from './vault.js';

export const AIRLOCK_BIN = join(REPO_ROOT, 'dist', 'cli', 'main.js');

if (!existsSync(AIRLOCK_BIN)) {
  throw new Error(`${AIRLOCK_BIN} is missing: build first with \`npx tsc -p tsconfig.build.json\``);
}

export const PASSWORD = 'correct-horse-battery-9';

/** The environment a script gives airlock to open a vault with PASSWORD. */
export const OWNER = { AIRLOCK_PASSWORD: PASSWORD } as const;

export interface RunOptions {
  /** Extra environment variables, on top of PATH and HOME (nothing else is inherited). */
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is then closed (closed at once when absent). */
  input?: string | Buffer;
  /** Passed as `--vault PATH` before the command. */
  vault?: string;
  /** HOME for the child; a private temporary directory when absent. */
  home?: string;
  cwd?: string;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

let sharedHome: string | undefined;

/** A temporary HOME shared by the runs of a test file that do not name their own. */
function defaultHome(): string {
  sharedHome ??= mkdtempSync(join(tmpdir(), 'airlock-home-'));
  return sharedHome;
}

// Modules are evaluated once per test file, so this removes that file's HOME after its tests.
afterAll(async () => {
  if (sharedHome) await rm(sharedHome, { recursive: true, force: true });
  sharedHome = undefined;
});

/** PATH and HOME from here, plus the given variables: never an AIRLOCK_* of the parent. */
export function minimalEnv(options: Pick<RunOptions, 'env' | 'home'> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: options.home ?? defaultHome() };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value !== undefined) env[name] = value;
  }
  return env;
}

function argvFor(args: readonly string[], vault: string | undefined): string[] {
  return [AIRLOCK_BIN, ...(vault === undefined ? [] : ['--vault', vault]), ...args];
}

/** What a child writes, once it has exited. */
export function collect(child: ChildProcess & { stdout: Readable; stderr: Readable }): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export interface RunningAirlock {
  child: ChildProcessWithoutNullStreams;
  result: Promise<RunResult>;
}

/**
 * Starts airlock and returns at once (for tests that kill it). The child gets its own session
 * (`detached`), so it has no controlling terminal even when the tests run in one.
 */
export function startAirlock(args: readonly string[], options: RunOptions = {}): RunningAirlock {
  const child = spawn(process.execPath, argvFor(args, options.vault), {
    env: minimalEnv(options),
    cwd: options.cwd ?? options.home ?? defaultHome(),
    stdio: 'pipe',
    detached: true,
  });
  const result = collect(child);
  child.stdin.on('error', () => undefined); // the child may exit before reading its input
  child.stdin.end(options.input);
  return { child, result };
}

export function runAirlock(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return startAirlock(args, options).result;
}

/** Runs airlock and fails the test, showing stderr, unless it exits 0. */
export async function airlockOk(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const result = await runAirlock(args, options);
  expect(result.code, `airlock ${args.join(' ')} failed: ${result.stderr}`).toBe(0);
  return result;
}

/** Runs a `--json` command and parses its one JSON document. */
export async function airlockJson<T = unknown>(args: readonly string[], options: RunOptions = {}): Promise<T> {
  const { stdout } = await airlockOk([...args, '--json'], options);
  return JSON.parse(stdout) as T;
}

/**
 * A clean failure: exit status 1 and exactly one line on stderr, `airlock: …`, with no stack
 * trace and no "internal error". `message`, when given, must match that line.
 */
export function expectCleanFailure(result: RunResult, message?: RegExp | string): string {
  const context = `stdout: ${JSON.stringify(result.stdout)}\nstderr: ${JSON.stringify(result.stderr)}`;
  expect(result.code, context).toBe(1);
  expect(result.stderr, context).toMatch(/^airlock: [^\n]+\n$/u);
  expect(result.stderr, context).not.toMatch(/^\s*at /mu);
  expect(result.stderr, context).not.toContain('internal error');
  const line = result.stderr.trimEnd();
  if (message !== undefined) expect(line, context).toMatch(message);
  return line;
}

/** A usage error: exit status 2, a message on stderr, no stack trace. */
export function expectUsageError(result: RunResult, message?: RegExp | string): void {
  const context = `stderr: ${JSON.stringify(result.stderr)}`;
  expect(result.code, context).toBe(2);
  expect(result.stderr, context).not.toMatch(/^\s*at /mu);
  expect(result.stderr, context).not.toContain('internal error');
  if (message !== undefined) expect(result.stderr, context).toMatch(message);
}

// ---------------------------------------------------------------------------------------------
// Running under a pseudo-terminal (util-linux `script`), for commands that insist on one.

export interface TerminalReply {
  /** Sent once the output so far contains (or matches) this. */
  when: string | RegExp;
  send: string;
}

export interface TerminalRunOptions extends Omit<RunOptions, 'input'> {
  replies?: TerminalReply[];
}

const shellQuote = (word: string) => `'${word.replace(/'/gu, `'\\''`)}'`;

/**
 * Runs airlock as the child of `script -qec CMD /dev/null`, so /dev/tty is a pseudo-terminal
 * whose output (stdout and stderr of airlock alike) arrives on `stdout` here, and whose
 * keyboard is our writes to script's stdin. Replies are typed when their cue has appeared.
 */
export function runAirlockInTerminal(args: readonly string[], options: TerminalRunOptions = {}): Promise<RunResult> {
  const command = [process.execPath, ...argvFor(args, options.vault)].map(shellQuote).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    env: minimalEnv(options),
    cwd: options.cwd ?? options.home ?? defaultHome(),
    stdio: 'pipe',
    detached: true,
  });
  const pending = [...(options.replies ?? [])];
  let seen = '';
  child.stdin.on('error', () => undefined);
  child.stdout.on('data', (chunk: Buffer) => {
    seen += chunk.toString('utf8');
    while (pending.length > 0) {
      const { when, send } = pending[0]!;
      if (typeof when === 'string' ? !seen.includes(when) : !when.test(seen)) break;
      pending.shift();
      child.stdin.write(send);
    }
  });
  const result = collect(child);
  void result.finally(() => child.stdin.end());
  return result;
}

// ---------------------------------------------------------------------------------------------
// Files and vaults.

/** Copies a template vault to `dir/vault.json` (mode kept) and returns the new path. */
export async function copyVault(template: string, dir: string): Promise<string> {
  const path = join(dir, 'vault.json');
  await mkdir(dirname(path), { recursive: true });
  await copyFile(template, path);
  return path;
}

export const fileBytes = (path: string): Promise<Buffer> => readFile(path);

/** Creates a vault with PASSWORD and, when given, restores the dev phrase as identity `dev`. */
export async function createVault(path: string, { devIdentity = false } = {}): Promise<string> {
  // Made here rather than by `airlock init`, with the cheapest allowed scrypt: every command a
  // test runs unlocks it, and `init`'s own cost would make each one a third of a second slower.
  await mkdir(dirname(path), { recursive: true });
  const session = await VaultSession.create(path, new TextEncoder().encode(PASSWORD), FAST_SCRYPT);
  try {
    if (devIdentity) await actions.saveMnemonicIdentity(session, 'dev', DEV_PHRASE);
  } finally {
    session.close();
  }
  return path;
}
