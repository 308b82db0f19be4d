/**
 * `--json` on every command that prints a result: one JSON document on stdout and nothing else;
 * under `--json` a failure is one JSON object on stderr, `{"error": {"code", "message",
 * "hint"}}`, with the exit status of the plain command line (1 a failure, 2 a usage error).
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AIRLOCK_BIN,
  OWNER,
  PASSWORD,
  airlockOk,
  collect,
  copyVault,
  createVault,
  minimalEnv,
  runAirlock,
  type RunOptions,
  type RunResult,
} from '../helpers/cli.js';
import { ALICE, BOB } from '../helpers/dev-keys.js';
import { createScratch } from '../helpers/files.js';

let scratch: Awaited<ReturnType<typeof createScratch>>;
let template = '';

beforeAll(async () => {
  scratch = await createScratch('json');
  template = await createVault(join(await scratch.dir('template'), 'vault.json'), { devIdentity: true });
});
afterAll(() => scratch?.remove());

const fresh = async () => copyVault(template, await scratch.dir());

/** A `--json` run that succeeds: stdout is exactly one JSON document, stderr is empty. */
async function json<T>(args: string[], options: RunOptions): Promise<T> {
  const result = await airlockOk([...args, '--json'], options);
  expect(result.stderr, result.stderr).toBe('');
  return JSON.parse(result.stdout) as T;
}

interface ErrorObject {
  error: { code: string; message: string; hint?: string };
}

/** A `--json` run that fails: nothing on stdout, and stderr is exactly one line, the error object. */
function failure(result: RunResult, status: 1 | 2): ErrorObject['error'] {
  const context = `stdout: ${JSON.stringify(result.stdout)}\nstderr: ${JSON.stringify(result.stderr)}`;
  expect(result.code, context).toBe(status);
  expect(result.stdout, context).toBe('');
  expect(result.stderr, context).toMatch(/^\{[^\n]*\}\n$/u);
  const parsed = JSON.parse(result.stderr) as ErrorObject;
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(typeof parsed.error.message).toBe('string');
  return parsed.error;
}

const POLKADOT_GENESIS = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';

/** A BIP39 test vector: a valid phrase other than the dev phrase. */
const OTHER_PHRASE = 'legal winner thank year wave sausage worth useful legal winner thank yellow';

const ACCOUNT_FIELDS = ['name', 'address', 'publicKey', 'type', 'path', 'network', 'ss58Prefix', 'identity'];
const IDENTITY_FIELDS = ['name', 'kind', 'accounts', 'createdAt'];

describe.concurrent('--json results', () => {
  it('init and passwd name the vault', async () => {
    const vault = join(await scratch.dir(), 'vault.json');
    expect(await json(['init'], { vault, env: OWNER })).toEqual({ vault });
    const env = { ...OWNER, AIRLOCK_NEW_PASSWORD: `${PASSWORD}-new` };
    expect(await json(['passwd'], { vault, env })).toEqual({ vault });
  });

  it('identities: restore, rename and remove give the identity as `identity list` does', async () => {
    const vault = await fresh();
    const env = OWNER;
    const added = await json<Record<string, unknown>>(['identity', 'restore', '--name', 'spare'], {
      vault,
      env,
      input: OTHER_PHRASE,
    });
    expect(Object.keys(added)).toEqual(IDENTITY_FIELDS);
    expect(added).toMatchObject({ name: 'spare', kind: 'mnemonic', accounts: 0 });
    const renamed = await json(['identity', 'rename', 'spare', 'reserve'], { vault, env });
    expect(renamed).toEqual({ ...added, name: 'reserve', previousName: 'spare' });
    const removed = await json(['identity', 'remove', 'reserve', '--yes'], { vault, env });
    expect(removed).toEqual({ ...added, name: 'reserve' });
  });

  it('accounts: derive, rename and remove give the account as `account show` does', async () => {
    const vault = await fresh();
    const derived = await json<Record<string, unknown>>(
      ['account', 'derive', '--identity', 'dev', '--name', 'alice', '--path', '//Alice'],
      { vault, env: OWNER },
    );
    expect(Object.keys(derived)).toEqual(ACCOUNT_FIELDS);
    expect(derived).toMatchObject({ name: 'alice', address: ALICE.substrate, publicKey: ALICE.publicKey });
    expect(await json(['account', 'show', 'alice'], { vault, env: OWNER })).toEqual(derived);
    const renamed = await json(['account', 'rename', 'alice', 'alice-cold'], { vault, env: OWNER });
    expect(renamed).toEqual({ ...derived, name: 'alice-cold', previousName: 'alice' });
    const removed = await json(['account', 'remove', ALICE.substrate], { vault, env: OWNER });
    expect(removed).toEqual({ ...derived, name: 'alice-cold' });
  });

  it('the address book: add, edit and remove give the entry as `address list` does', async () => {
    const vault = await fresh();
    const added = await json(['address', 'add', '--name', 'bob', '--note', 'exchange', BOB.substrate], {
      vault,
      env: OWNER,
    });
    expect(added).toEqual({ name: 'bob', address: BOB.substrate, network: 'substrate', note: 'exchange' });
    const edited = await json(['address', 'edit', 'bob', '--name', 'bob-dot', '--address', BOB.polkadot], {
      vault,
      env: OWNER,
    });
    expect(edited).toEqual({ name: 'bob-dot', address: BOB.polkadot, network: 'polkadot', note: 'exchange' });
    expect(await json(['address', 'list'], { vault, env: OWNER })).toEqual([edited]);
    expect(await json(['address', 'remove', 'bob-dot'], { vault, env: OWNER })).toEqual(edited);
  });

  it('import counts what it added, skipped and left out, beside the entries', async () => {
    const vault = await fresh();
    const backup = join(await scratch.dir(), 'backup.json');
    const env = { ...OWNER, AIRLOCK_BACKUP_PASSWORD: 'backup-password-42' };
    await airlockOk(['export', '--out', backup], { vault, env });
    const plan = await json<Record<string, unknown>>(['import', backup, '--dry-run'], { vault, env });
    expect(plan).toMatchObject({ dryRun: true, added: 0, renamed: 0, skipped: 1, leftOut: 0 });
    expect(plan.entries).toEqual([{ kind: 'identity', name: 'dev', action: 'skip', existing: 'dev' }]);
  });

  it('qr read gives the address a code holds, or the file it wrote', async () => {
    const dir = await scratch.dir();
    const address = join(dir, 'address.png');
    await QRCode.toFile(address, `substrate:${ALICE.polkadot}:${POLKADOT_GENESIS}:alice`);
    const read = await airlockOk(['qr', 'read', address, '--json']);
    expect(JSON.parse(read.stdout)).toMatchObject({
      kind: 'address',
      address: ALICE.polkadot,
      network: 'polkadot',
      genesisHash: POLKADOT_GENESIS,
      name: 'alice',
      tally: { pictures: 1 },
    });
    const text = join(dir, 'text.png');
    await QRCode.toFile(text, 'hello from the other side');
    const out = join(dir, 'received.txt');
    const written = await airlockOk(['qr', 'read', '--out', out, text, '--json']);
    expect(JSON.parse(written.stdout)).toMatchObject({ kind: 'data', out, bytes: 25 });
    expect(await readFile(out, 'utf8')).toBe('hello from the other side');
    await writeFile(out, 'kept');
    const refused = failure(await runAirlock(['qr', 'read', '--out', out, text, '--json']), 1);
    expect(refused.message).toBe(`${out} already exists`);
  });

  it('identity new gives the identity, never its words', async () => {
    const vault = await fresh();
    const out = join(await scratch.dir(), 'stdout.json');
    const result = await inTerminalWithStdoutTo(out, [
      '--vault',
      vault,
      'identity',
      'new',
      '--name',
      'cold-1',
      '--json',
    ]);
    expect(result.code, result.stdout).toBe(0);
    const written = await readFile(out, 'utf8');
    const row = JSON.parse(written) as Record<string, unknown>;
    expect(Object.keys(row)).toEqual(IDENTITY_FIELDS);
    expect(row).toMatchObject({ name: 'cold-1', kind: 'mnemonic', accounts: 0 });
    // The words were on the terminal's alternate screen: none of them is in what stdout got. The
    // field names are fixed and some are words of the list too ("name", "kind"), so the values are
    // what is searched.
    const values = JSON.stringify(Object.values(row));
    const words = [...result.stdout.matchAll(/^\s*\d+\. ([a-z]+)/gmu)].map((m) => m[1]!);
    expect(words.length).toBeGreaterThan(0);
    for (const word of words) expect(values).not.toMatch(new RegExp(`\\b${word}\\b`, 'u'));
  });
});

/** airlock at a pseudo-terminal (util-linux `script`), its stdout redirected to a file; Enter once the words show. */
async function inTerminalWithStdoutTo(out: string, args: string[]): Promise<RunResult> {
  const quote = (word: string) => `'${word.replace(/'/gu, `'\\''`)}'`;
  const command = `${[process.execPath, AIRLOCK_BIN, ...args].map(quote).join(' ')} > ${quote(out)}`;
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    env: minimalEnv({ env: OWNER }),
    stdio: 'pipe',
    detached: true,
  });
  let seen = '';
  child.stdout.on('data', (chunk: Buffer) => {
    seen += chunk.toString('utf8');
    if (seen.includes('Press Enter') && !seen.includes('\u0000sent')) {
      seen += '\u0000sent';
      child.stdin.write('\r');
    }
  });
  const result = collect(child);
  void result.finally(() => child.stdin.end());
  return result;
}

describe.concurrent('--json failures: one error object on stderr', () => {
  it('no vault', async () => {
    const vault = join(await scratch.dir(), 'missing.json');
    const error = failure(await runAirlock(['account', 'list', '--json'], { vault, env: OWNER }), 1);
    expect(error).toEqual({
      code: 'no-vault',
      message: `no vault at ${vault}`,
      hint: 'create one with `airlock init`, or point --vault at yours',
    });
  });

  it('a wrong password, an unknown account, a name taken, no terminal to ask on', async () => {
    const vault = await fresh();
    const wrong = failure(
      await runAirlock(['identity', 'list', '--json'], { vault, env: { AIRLOCK_PASSWORD: 'not-it-at-all' } }),
      1,
    );
    expect(wrong.code).toBe('wrong-password');
    const missing = failure(await runAirlock(['account', 'show', 'nobody', '--json'], { vault, env: OWNER }), 1);
    expect(missing).toEqual({
      code: 'not-found',
      message: 'no account named or at "nobody"',
      hint: 'list them with `airlock account list`',
    });
    const taken = failure(
      await runAirlock(['identity', 'restore', '--name', 'dev', '--json'], { vault, env: OWNER, input: OTHER_PHRASE }),
      1,
    );
    expect(taken.code).toBe('already-exists');
    const asked = failure(await runAirlock(['identity', 'list', '--json'], { vault }), 1);
    expect(asked.code).toBe('no-terminal');
  });

  it.each([
    [
      'an unknown command, with the nearest',
      ['exprot', '--out', 'x.json'],
      "unknown command 'exprot'",
      'did you mean export?',
    ],
    ['a missing option', ['account', 'derive', '--name', 'x'], "required option '--identity <name>' not specified"],
    [
      'an option outside its choices',
      ['identity', 'new', '--name', 'x', '--words', '13'],
      "option '--words <count>' argument '13' is invalid",
    ],
    ['an option this command lacks', ['qr', 'show'], "unknown option '--json'"],
    [
      'a bad value airlock checks',
      ['ledger', 'show', '--timeout', 'soon'],
      '--timeout must be a number of seconds, not "soon"',
    ],
  ])('usage: %s, exit 2', async (_what, args, message, hint?: string) => {
    const error = failure(await runAirlock([...args, '--json'], { env: OWNER }), 2);
    expect(error.code).toBe('usage');
    expect(error.message).toContain(message);
    if (hint) expect(error.hint).toBe(hint);
  });
});
