/**
 * Real media for fault tests: a small private tmpfs, mounted as root of a user+mount namespace
 * (`unshare -rm`, which needs no privilege on the host and vanishes with the namespace), and
 * another user (`setpriv`) for permission denied. Each probe runs once; where one fails, the
 * tests inject the same error at the same call site instead (test/helpers/binary-hooks.mjs).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AIRLOCK_BIN, collect, minimalEnv, type RunResult } from './cli.js';

/** Loads the test hooks into the binary; pass as NODE_OPTIONS with AIRLOCK_TEST_* variables. */
export const HOOKS = `--import=${new URL('./binary-hooks.mjs', import.meta.url).href}`;

/** Whether this machine lets us mount a tmpfs of our own and remount it read-only. */
export const canMountTmpfs: boolean = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-probe-'));
  try {
    const script = 'mount -t tmpfs -o size=16k airlock-probe "$1" && mount -o remount,ro "$1"';
    return spawnSync('unshare', ['-rm', 'sh', '-c', script, 'sh', dir]).status === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();

/** The user a permission test runs airlock as: it owns nothing the test does not give it. */
export const NOBODY = 65534;
const asNobody = ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--'];

/** Whether we may run airlock as NOBODY: only root may, and root itself ignores file modes. */
export const canRunAsNobody: boolean =
  process.getuid?.() === 0 && spawnSync(asNobody[0]!, [...asNobody.slice(1), process.execPath, '-e', '']).status === 0;

export interface Launch {
  env?: Record<string, string | undefined>;
  home?: string;
  cwd?: string;
}

function run(command: string, args: readonly string[], { env, home, cwd }: Launch): Promise<RunResult> {
  const child = spawn(command, args, {
    env: minimalEnv({ env, home }),
    cwd: cwd ?? home ?? tmpdir(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collect(child);
}

/** Runs `airlock ARGS` as NOBODY (see canRunAsNobody). */
export function runAirlockAsNobody(args: readonly string[], launch: Launch): Promise<RunResult> {
  return run(asNobody[0]!, [...asNobody.slice(1), process.execPath, AIRLOCK_BIN, ...args], launch);
}

export interface TmpfsOptions extends Launch {
  /** An empty directory to mount the medium on. */
  mountpoint: string;
  sizeKiB: number;
  /** Shell commands that put files on the medium (at "$MEDIUM") before airlock runs. */
  prepare?: string;
  readOnly?: boolean;
  /** Shell commands run with airlock and $MEDIUM defined: they must leave airlock's status in $rc. */
  act?: string;
  args?: readonly string[];
  /** An empty directory outside the medium: gets a copy of what the medium holds afterwards. */
  after: string;
}

/**
 * Mounts a tmpfs of `sizeKiB` at `mountpoint` in a private namespace, prepares it, runs
 * `airlock ARGS` (or `act`), copies what the medium then holds to `after` and unmounts it.
 * The result is airlock's; setup failures show as extra lines on stderr.
 */
export function runOnTmpfs(options: TmpfsOptions): Promise<RunResult> {
  const script = [
    'set -eu',
    `trap 'echo "test medium: setup failed" >&2' EXIT`,
    'mount -t tmpfs -o "size=${SIZE_KIB}k" airlock-medium "$MEDIUM"',
    'airlock() { "$NODE" "$AIRLOCK_BIN" "$@"; }',
    options.prepare ?? '',
    options.readOnly ? 'mount -o remount,ro "$MEDIUM"' : '',
    'trap - EXIT',
    'set +e',
    options.act ?? 'airlock "$@"; rc=$?',
    'cp -a "$MEDIUM/." "$AFTER/"',
    'exit $rc',
  ].join('\n');
  const variables = {
    MEDIUM: options.mountpoint,
    SIZE_KIB: String(options.sizeKiB),
    AFTER: options.after,
    NODE: process.execPath,
    AIRLOCK_BIN,
  };
  return run('unshare', ['-rm', 'sh', '-c', script, 'sh', ...(options.args ?? [])], {
    ...options,
    env: { ...options.env, ...variables },
  });
}
