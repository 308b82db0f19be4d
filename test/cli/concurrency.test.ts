/**
 * End to end: one writer at a time (VAULT.lock holds the writer's pid), nothing lost when
 * writers race, and a writer killed at any moment leaves a vault that opens (DESIGN.md,
 * "Rules that hold everywhere", 3). Runs sequentially: the crash loop depends on timing.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { access, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { encodeAddress } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OWNER,
  type RunResult,
  airlockJson,
  airlockOk,
  copyVault,
  createVault,
  expectCleanFailure,
  runAirlock,
  startAirlock,
} from '../helpers/cli.js';
import { ALICE, BOB, CHARLIE, DAVE_SUBSTRATE, EVE_SUBSTRATE } from '../helpers/dev-keys.js';
import { createScratch } from '../helpers/files.js';

const IN_USE = /^airlock: vault is in use by process \d+; /;
const CONCURRENT_WRITERS = [
  { name: 'alice', address: ALICE.substrate },
  { name: 'bob', address: BOB.substrate },
  { name: 'charlie', address: CHARLIE.substrate },
  { name: 'dave', address: DAVE_SUBSTRATE },
];
const CRASH_ITERATIONS = 15;

interface Named {
  name: string;
}

let scratch: Awaited<ReturnType<typeof createScratch>>;
let template = '';

beforeAll(async () => {
  scratch = await createScratch('concurrency');
  template = await createVault(join(await scratch.dir('template'), 'vault.json'), { devIdentity: true });
});

afterAll(() => scratch?.remove());

const fresh = async () => copyVault(template, await scratch.dir());
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
const addressNames = async (vault: string) =>
  (await airlockJson<Named[]>(['address', 'list'], { vault, env: OWNER })).map((a) => a.name);

/** A process that stays alive until killed, to stand in for another airlock holding the lock. */
function startIdleProcess() {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
  const exited = once(child, 'exit');
  return {
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await once(child, 'exit');
  return child.pid!;
}

describe('the vault lock', () => {
  it('a writer refuses while a live process holds the lock, and takes the lock over once that process is gone', async () => {
    const vault = await fresh();
    const lock = `${vault}.lock`;
    const before = await readFile(vault);
    const holder = startIdleProcess();
    try {
      await writeFile(lock, `${holder.pid}\n`);
      const refused = await runAirlock(['address', 'add', '--name', 'bob', BOB.substrate], { vault, env: OWNER });
      expectCleanFailure(refused, new RegExp(`^airlock: vault is in use by process ${holder.pid}; `));
      expect(await readFile(vault)).toEqual(before);
      expect(await readFile(lock, 'utf8')).toBe(`${holder.pid}\n`); // a live holder's lock is left alone
    } finally {
      await holder.stop();
    }

    const accepted = await airlockOk(['address', 'add', '--name', 'bob', BOB.substrate], { vault, env: OWNER });
    expect(accepted.stdout).toContain('Added "bob"');
    expect(await exists(lock)).toBe(false);
    expect(await addressNames(vault)).toEqual(['bob']);
  });

  it('the next writer removes what killed writers staged beside the lock, and never what a live one is using', async () => {
    const vault = await fresh();
    const dead = await deadPid();
    const holder = startIdleProcess();
    const hex = () => randomBytes(6).toString('hex');
    const litter = [`${dead}.${hex()}.new`, `${dead}.${hex()}.stale`, `${hex()}.new`].map(
      (name) => `${vault}.lock.${name}`,
    );
    const inUse = [`${holder.pid}.${hex()}.new`, `${holder.pid}.${hex()}.stale`, `${hex()}.stale`].map(
      (name) => `${vault}.lock.${name}`,
    );
    try {
      // As a writer killed between staging and cleaning up leaves them, its lock with them.
      await writeFile(`${vault}.lock`, `${dead}\n`);
      for (const file of [...litter, ...inUse]) await writeFile(file, `${dead}\n`);
      // Files of an airlock that named no pid are removed once old; a fresh one may be in use.
      const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
      await utimes(litter[2]!, hourAgo, hourAgo);

      await airlockOk(['address', 'add', '--name', 'bob', BOB.substrate], { vault, env: OWNER });
      for (const file of litter) expect(await exists(file), file).toBe(false);
      for (const file of inUse) expect(await exists(file), file).toBe(true);
      expect(await exists(`${vault}.lock`)).toBe(false);
    } finally {
      await holder.stop();
    }
  });

  it(`${CONCURRENT_WRITERS.length} writers at once: each succeeds or says the vault is in use, and no success is lost`, async () => {
    const vault = await fresh();
    const results = await Promise.all(
      CONCURRENT_WRITERS.map(({ name, address }) =>
        runAirlock(['address', 'add', '--name', name, address], { vault, env: OWNER }),
      ),
    );
    const succeeded: string[] = [];
    results.forEach((result, i) => {
      if (result.code === 0) succeeded.push(CONCURRENT_WRITERS[i]!.name);
      else expectCleanFailure(result, IN_USE);
    });
    expect(succeeded.length).toBeGreaterThan(0);
    expect((await addressNames(vault)).sort()).toEqual(succeeded.sort());
    expect(await exists(`${vault}.lock`)).toBe(false);
  });
});

/** Files a killed writer may leave next to VAULT: its temp file, staged links, its lock. */
const LEFTOVER =
  /^(vault\.json|vault\.json\.bak|vault\.json\.lock|\.vault\.json\.[0-9a-f]+\.tmp|vault\.json\.bak\.[0-9a-f]+\.tmp|vault\.json\.lock\.(\d+\.)?[0-9a-f]+\.(new|stale))$/u;

/** A distinct, valid generic-Substrate address for the i-th address-book writer. */
const addressNumber = (i: number) => encodeAddress(new Uint8Array(32).fill(i + 1), 42);

describe('crash safety', () => {
  it(`a writer SIGKILLed at a random moment (${CRASH_ITERATIONS} times) leaves a vault that opens; the next writer takes over its lock`, async () => {
    const vault = await fresh();
    const dir = join(vault, '..');

    // How long an undisturbed write takes here: the kills are spread over that time.
    const started = performance.now();
    await airlockOk(['address', 'add', '--name', 'calibration', EVE_SUBSTRATE], { vault, env: OWNER });
    const maxDelay = Math.max(900, 1.2 * (performance.now() - started));

    const completed: { accounts: string[]; addresses: string[] } = { accounts: [], addresses: [] };
    let killed = 0;
    for (let i = 0; i < CRASH_ITERATIONS; i++) {
      const name = `crash-${i}`;
      const deriving = i % 2 === 0;
      const args = deriving
        ? ['account', 'derive', '--identity', 'dev', '--name', name, '--path', `//crash//${i}`]
        : ['address', 'add', '--name', name, addressNumber(i)];
      const result = await runAndKillAfter(args, vault, Math.random() * maxDelay);
      if (result.signal === 'SIGKILL') killed++;
      else {
        expect(result.code, `${args.join(' ')} was not killed and failed: ${result.stderr}`).toBe(0);
        (deriving ? completed.accounts : completed.addresses).push(name);
      }

      // The vault opens after every kill, holding at least every write that finished.
      const accounts = await airlockJson<Named[]>(['account', 'list'], { vault, env: OWNER });
      expect(accounts.map((a) => a.name)).toEqual(expect.arrayContaining(completed.accounts));
    }
    expect(killed).toBeGreaterThan(0);

    // A stale lock left by the last kill (if any) names a dead process, and is taken over.
    const after = await airlockOk(['address', 'add', '--name', 'after-the-crashes', ALICE.substrate], {
      vault,
      env: OWNER,
    });
    expect(after.stdout).toContain('Added "after-the-crashes"');
    const names = await addressNames(vault);
    expect(names).toEqual(expect.arrayContaining(['calibration', ...completed.addresses, 'after-the-crashes']));
    expect(await exists(`${vault}.lock`)).toBe(false);

    // The previous generation opens too, and only known kinds of leftovers lie around.
    await airlockOk(['account', 'list'], { vault: `${vault}.bak`, env: OWNER });
    for (const file of await readdir(dir)) expect(file).toMatch(LEFTOVER);
  });
});

async function runAndKillAfter(args: string[], vault: string, delayMs: number): Promise<RunResult> {
  const { child, result } = startAirlock(args, { vault, env: OWNER });
  const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
  try {
    return await result;
  } finally {
    clearTimeout(timer);
  }
}
