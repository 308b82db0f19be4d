/**
 * Crash loop: every command that writes the vault (init, passwd, import, address add, account
 * derive) is killed with SIGKILL at each step of its write (before every open, write, fsync,
 * rename, link and unlink under the vault's directory, as a power cut would stop it there) and at
 * random moments. After each kill: the vault, and its previous generation, open and hold the state
 * from before the command or from after it, never a mix; the next writer takes the lock over and
 * writes; and nothing but the vault and its previous generation is left in the directory
 * (DESIGN.md, "Rules that hold everywhere", 3). Its figures go to docs/SECURITY.md.
 */
import { appendFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { encodeAddress } from '@polkadot/util-crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as actions from '../../src/vault/actions.js';
import { writeBackup } from '../../src/vault/backup.js';
import type { VaultData } from '../../src/vault/model.js';
import { VaultSession } from '../../src/vault/store.js';
import { OWNER, PASSWORD, type RunResult, airlockOk, copyVault, createVault, startAirlock } from '../helpers/cli.js';
import { createScratch } from '../helpers/files.js';
import { HOOKS } from '../helpers/mounts.js';

const NEW_PASSWORD = 'another-horse-battery-7';
const BACKUP_PASSWORD = 'backup-horse-battery-3';
/** Kills at random moments of each writer, on top of one at every step. */
const RANDOM_KILLS = 8;

interface Writer {
  name: string;
  args: string[];
  env: Record<string, string>;
  /** The directory holds no vault before it runs. */
  fresh?: boolean;
}

let scratch: Awaited<ReturnType<typeof createScratch>>;
let template = '';
let backup = '';
const figures: string[] = [];

beforeAll(async () => {
  scratch = await createScratch('crash-loop');
  template = await createVault(join(await scratch.dir('template'), 'vault.json'), { devIdentity: true });
  // A backup that adds an identity, an account and an address to the template.
  const source = await VaultSession.create(join(await scratch.dir('source'), 'vault.json'), bytes(PASSWORD), {
    N: 1 << 15,
    r: 8,
    p: 1,
  });
  await actions.saveMnemonicIdentity(
    source,
    'other',
    'legal winner thank year wave sausage worth useful legal winner thank yellow',
  );
  await actions.deriveAccount(source, {
    identity: 'other',
    name: 'other-0',
    path: '//0',
    type: 'sr25519',
    network: 'substrate',
  });
  await actions.addAddress(source, { name: 'friend', address: addressNumber(200) });
  backup = join(await scratch.dir('backup'), 'backup.json');
  await writeBackup(
    backup,
    { identities: source.data.identities, accounts: source.data.accounts, addresses: source.data.addresses },
    bytes(BACKUP_PASSWORD),
  );
  source.close();
});

afterAll(async () => {
  const summary = [
    '# Crash loop',
    '',
    '| writer | steps | killed at a step | killed at random | finished anyway |',
    '| --- | --- | --- | --- | --- |',
    ...figures,
    '',
  ];
  await writeFile(new URL('./.crash-loop.md', import.meta.url), summary.join('\n')).catch(() => undefined);
  console.log(summary.join('\n'));
  await scratch?.remove();
});

const WRITERS: Writer[] = [
  { name: 'address add', args: ['address', 'add', '--name', 'crash', addressNumber(7)], env: OWNER },
  {
    name: 'account derive',
    args: ['account', 'derive', '--identity', 'dev', '--name', 'crash', '--path', '//crash'],
    env: OWNER,
  },
  { name: 'passwd', args: ['passwd'], env: { ...OWNER, AIRLOCK_NEW_PASSWORD: NEW_PASSWORD } },
  { name: 'import', args: ['import', '__BACKUP__'], env: { ...OWNER, AIRLOCK_BACKUP_PASSWORD: BACKUP_PASSWORD } },
  { name: 'init', args: ['init'], env: OWNER, fresh: true },
];

for (const writer of WRITERS) {
  it(`${writer.name}, killed at every step of its write and at ${RANDOM_KILLS} random moments, leaves the vault before or after, never between`, async () => {
    const args = writer.args.map((a) => (a === '__BACKUP__' ? backup : a));

    // One undisturbed run: the state after it, how long it takes, and the steps of its write.
    const dir = await setUp(writer);
    const trace = join(scratch.root, `${writer.name.replace(/ /gu, '-')}.trace`);
    const started = performance.now();
    await airlockOk(args, {
      vault: join(dir, 'vault.json'),
      env: { ...writer.env, NODE_OPTIONS: HOOKS, AIRLOCK_TEST_KILL_AT: JSON.stringify({ under: dir, at: 0, trace }) },
    });
    const duration = performance.now() - started;
    const after = await stateOf(join(dir, 'vault.json'));
    const steps = (await readFile(trace, 'utf8')).trim().split('\n').length;
    const before = writer.fresh ? undefined : await stateOf(template);

    let finished = 0;
    let killedDir = '';
    const check = async (result: RunResult, how: string) => {
      if (result.signal !== 'SIGKILL') {
        expect(result.code, `${how}: not killed, and failed: ${result.stderr}`).toBe(0);
        finished++;
      }
      await checkAfterKill(result.signal === 'SIGKILL' ? how : `${how} (finished)`, killedDir, { before, after });
    };
    for (let step = 1; step <= steps; step++) {
      killedDir = await setUp(writer);
      const killAt = JSON.stringify({ under: killedDir, at: step });
      const { result } = startAirlock(args, {
        vault: join(killedDir, 'vault.json'),
        env: { ...writer.env, NODE_OPTIONS: HOOKS, AIRLOCK_TEST_KILL_AT: killAt },
      });
      const outcome = await result;
      expect(outcome.signal, `step ${step} of ${steps} was not reached: ${outcome.stderr}`).toBe('SIGKILL');
      await check(outcome, `killed before step ${step} of ${steps}`);
    }
    for (let i = 0; i < RANDOM_KILLS; i++) {
      killedDir = await setUp(writer);
      const delay = Math.random() * duration * 1.2;
      const { child, result } = startAirlock(args, { vault: join(killedDir, 'vault.json'), env: writer.env });
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      await check(await result.finally(() => clearTimeout(timer)), `killed after ${Math.round(delay)} ms`);
    }
    figures.push(`| ${writer.name} | ${steps} | ${steps} | ${RANDOM_KILLS - finished} | ${finished} |`);
  }, 300_000);
}

/** A directory holding a copy of the template vault, or nothing for `init`. */
async function setUp(writer: Writer): Promise<string> {
  const dir = await scratch.dir(writer.name.replace(/ /gu, '-'));
  if (!writer.fresh) await copyVault(template, dir);
  return dir;
}

interface Opened {
  password: string;
  state: string;
}

/** What a vault holds, as the names and keys a write changes (timestamps differ run to run). */
async function stateOf(path: string): Promise<Opened> {
  let lastError: unknown;
  for (const password of [PASSWORD, NEW_PASSWORD]) {
    try {
      const session = await VaultSession.unlock(path, bytes(password));
      session.close();
      return { password, state: describe(session.data) };
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`${path} does not open: ${(lastError as Error).message}`);
}

function describe(data: VaultData): string {
  return JSON.stringify([
    data.identities.map((i) => i.name),
    data.accounts.map((a) => [a.name, a.publicKey]),
    data.addresses.map((a) => [a.name, a.address]),
  ]);
}

async function checkAfterKill(
  how: string,
  dir: string,
  { before, after }: { before: Opened | undefined; after: Opened },
): Promise<void> {
  const vault = join(dir, 'vault.json');
  const files = await readdir(dir);
  const known = [before, after].filter((s) => s !== undefined).map((s) => JSON.stringify(s));
  if (files.includes('vault.json')) {
    expect(known, `${how}: the vault holds something between before and after`).toContain(
      JSON.stringify(await stateOf(vault)),
    );
  } else {
    expect(before, `${how}: the vault is gone`).toBeUndefined();
  }
  // The previous generation is a whole vault too.
  if (files.includes('vault.json.bak')) await stateOf(`${vault}.bak`);

  // The next writer takes over whatever lock the dead one held, writes, and tidies up after it.
  if (files.includes('vault.json')) {
    const { password } = await stateOf(vault);
    const session = await VaultSession.unlock(vault, bytes(password));
    await actions
      .addAddress(session, { name: 'next-writer', address: addressNumber(99) })
      .finally(() => session.close());
  } else {
    (await VaultSession.create(vault, bytes(PASSWORD), { N: 1 << 15, r: 8, p: 1 })).close();
  }
  const left = (await readdir(dir)).filter((f) => f !== 'vault.json' && f !== 'vault.json.bak');
  expect(left, `${how}: the next writer left these behind`).toEqual([]);
  await appendFile(join(scratch.root, 'kills.log'), `${how}\n`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir);
}

function addressNumber(i: number): string {
  return encodeAddress(new Uint8Array(32).fill(i + 1), 42);
}

function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
