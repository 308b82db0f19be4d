/**
 * End to end: bad input gets exit status 1, one clear `airlock: …` line on stderr, and changes
 * nothing (DESIGN.md, "Rules that hold everywhere", 5). Each case runs on its own copy of a
 * vault holding identity `dev` and account `alice`; every file in the vault's directory is
 * compared byte for byte before and after.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER, airlockOk, copyVault, createVault, expectCleanFailure, runAirlock } from '../helpers/cli.js';
import { ALICE, BOB, DEV_PHRASE, EIP55_WRONG_CASE } from '../helpers/dev-keys.js';
import { createScratch } from '../helpers/files.js';
import { VAULT_VERSION } from '../../src/vault/model.js';

const WRONG_PASSWORD = 'not-the-vault-password-1';
const phraseWith = (replace: (words: string[]) => string[]) => replace(DEV_PHRASE.split(' ')).join(' ');
const BAD_CHECKSUM_PHRASE = phraseWith((w) => [...w.slice(0, -1), 'abandon']);
const MISSPELLED_PHRASE = phraseWith((w) => w.map((word) => (word === 'curtain' ? 'curtian' : word)));
const ELEVEN_WORDS = phraseWith((w) => w.slice(0, 11));

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** The address with one character in the middle replaced by another base58 character. */
function withOneCharacterChanged(address: string): string {
  const i = Math.floor(address.length / 2);
  const replacement = BASE58[(BASE58.indexOf(address[i]!) + 1) % BASE58.length]!;
  return address.slice(0, i) + replacement + address.slice(i + 1);
}

/** Damage done to the vault file before the command runs. */
type Damage = (vault: string) => Promise<void>;

/** Flips one base64 character in the middle of the ciphertext: still base64, still JSON. */
const flipCiphertextCharacter: Damage = async (vault) => {
  const envelope = JSON.parse(await readFile(vault, 'utf8')) as { ciphertext: string };
  const i = Math.floor(envelope.ciphertext.length / 2);
  const flipped = envelope.ciphertext[i] === 'A' ? 'B' : 'A';
  envelope.ciphertext = envelope.ciphertext.slice(0, i) + flipped + envelope.ciphertext.slice(i + 1);
  await writeFile(vault, `${JSON.stringify(envelope, null, 2)}\n`);
};
const cutInHalf: Damage = async (vault) => {
  const bytes = await readFile(vault);
  await writeFile(vault, bytes.subarray(0, Math.floor(bytes.length / 2)));
};
const replaceWith =
  (text: string): Damage =>
  (vault) =>
    writeFile(vault, text);

interface FailureCase {
  what: string;
  args: string[];
  message: RegExp;
  input?: string;
  env?: Record<string, string>;
  damage?: Damage;
}

const ADD_BOB = ['address', 'add', '--name', 'bob', BOB.substrate];
const RESTORE = ['identity', 'restore', '--name', 'second'];

const CASES: FailureCase[] = [
  {
    what: 'a wrong password',
    args: ADD_BOB,
    env: { AIRLOCK_PASSWORD: WRONG_PASSWORD },
    message: /^airlock: wrong password for vault /,
  },
  {
    what: 'a password file that does not exist',
    args: ADD_BOB,
    env: { AIRLOCK_PASSWORD_FILE: '/nonexistent/password' },
    message: /cannot read AIRLOCK_PASSWORD_FILE/,
  },
  {
    what: 'a password file that is a device',
    args: ADD_BOB,
    env: { AIRLOCK_PASSWORD_FILE: '/dev/zero' },
    message: /^airlock: \/dev\/zero is not a regular file \(a device\)/,
  },
  {
    what: 'a recovery phrase with a bad checksum word',
    args: RESTORE,
    input: BAD_CHECKSUM_PHRASE,
    message: /fails its checksum/,
  },
  {
    what: 'a misspelled word (with a suggestion)',
    args: RESTORE,
    input: MISSPELLED_PHRASE,
    message: /word 5 "curtian" is not in the BIP39 English word list; did you mean "curtain"\?$/,
  },
  {
    what: 'the wrong number of words',
    args: RESTORE,
    input: ELEVEN_WORDS,
    message: /12, 15, 18, 21 or 24 words; this one has 11$/,
  },
  {
    what: 'an SS58 address with one wrong character',
    args: ['address', 'add', '--name', 'bob', withOneCharacterChanged(BOB.substrate)],
    message: /is not a valid address: its checksum does not match/,
  },
  {
    what: 'an address of another network than --network',
    args: ['address', 'add', '--name', 'alice', '--network', 'polkadot', ALICE.substrate],
    message: /is an address for SS58 prefix 42, not for .* \(prefix 0\)/,
  },
  {
    what: 'an Ethereum address with a wrong-case letter',
    args: ['address', 'add', '--name', 'eth', EIP55_WRONG_CASE],
    message: /fails its EIP-55 checksum/,
  },
  {
    what: 'an unknown network',
    args: ['account', 'derive', '--identity', 'dev', '--name', 'bob', '--path', '//Bob', '--network', 'atlantis'],
    message: /unknown network "atlantis"/,
  },
  {
    what: 'an unknown identity',
    args: ['account', 'derive', '--identity', 'ghost', '--name', 'bob'],
    message: /no identity named "ghost"/,
  },
  { what: 'an unknown account', args: ['account', 'remove', 'nobody'], message: /no account named or at "nobody"/ },
  {
    what: 'a corrupted ciphertext (damaged, not a wrong password)',
    args: ADD_BOB,
    damage: flipCiphertextCharacter,
    message: /^airlock: vault .* is damaged: its contents fail authentication/,
  },
  {
    what: 'a truncated vault',
    args: ADD_BOB,
    damage: cutInHalf,
    message: /^airlock: vault .* is damaged: it is not complete JSON/,
  },
  {
    what: 'a vault that is not JSON',
    args: ADD_BOB,
    damage: replaceWith('this is not a vault\n'),
    message: /is damaged/,
  },
  {
    what: 'a JSON file that is not a vault',
    args: ADD_BOB,
    damage: replaceWith('{"hello": "world"}\n'),
    message: /is not an airlock-vault file/,
  },
  {
    what: 'a vault written by a newer airlock',
    args: ADD_BOB,
    damage: relabelVersion(VAULT_VERSION + 1),
    message: new RegExp(
      `is version ${VAULT_VERSION + 1}, written by a newer airlock .*; open it with the newer airlock$`,
    ),
  },
];

/** Re-seals the vault's content as another format version, as a newer airlock would write it. */
function relabelVersion(version: number): Damage {
  return async (vault) => {
    const { VaultSession } = await import('../../src/vault/store.js');
    const { createKey, seal } = await import('../../src/vault/envelope.js');
    const { data } = await VaultSession.unlock(vault, new TextEncoder().encode(OWNER.AIRLOCK_PASSWORD));
    const key = await createKey(new TextEncoder().encode(OWNER.AIRLOCK_PASSWORD), { N: 1 << 14, r: 8, p: 5 });
    await writeFile(vault, seal('airlock-vault', version, data, key));
  };
}

let scratch: Awaited<ReturnType<typeof createScratch>>;
let template = '';

beforeAll(async () => {
  scratch = await createScratch('failures');
  template = await createVault(join(await scratch.dir('template'), 'vault.json'), { devIdentity: true });
  await airlockOk(['account', 'derive', '--identity', 'dev', '--name', 'alice', '--path', '//Alice'], {
    vault: template,
    env: OWNER,
  });
});

afterAll(() => scratch?.remove());

/** Every file of a directory with its bytes. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name))] as const)));
}

describe.concurrent('clean failures that leave the vault untouched', () => {
  it.each(CASES)('$what', async ({ args, message, input, env, damage }) => {
    const dir = await scratch.dir();
    const vault = await copyVault(template, dir);
    await damage?.(vault);
    const before = await snapshot(dir);

    const result = await runAirlock(args, { vault, env: env ?? OWNER, input });
    const line = expectCleanFailure(result, message);
    if (damage) expect(line).not.toMatch(/wrong password/);
    expect(result.stdout).toBe('');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a directory or a path through a file where the vault should be', async () => {
    const dir = await scratch.dir();
    const vault = await copyVault(template, dir);
    expectCleanFailure(
      await runAirlock(['account', 'list'], { vault: dir, env: OWNER }),
      /is not a vault file; point --vault at the vault file itself$/,
    );
    expectCleanFailure(
      await runAirlock(['account', 'list'], { vault: join(vault, 'x.json'), env: OWNER }),
      /is not a vault file/,
    );
    expectCleanFailure(
      await runAirlock(['init'], { vault: join(vault, 'x.json'), env: OWNER }),
      /a part of the path is a file, not a directory/,
    );
  });

  it('no vault at the path: says so, hints at init, creates nothing', async () => {
    const dir = await scratch.dir();
    const result = await runAirlock(['account', 'list'], { vault: join(dir, 'vault.json'), env: OWNER });
    expectCleanFailure(result, /no vault at .*vault\.json; create one with `airlock init`/);
    expect(await readdir(dir)).toEqual([]);
  });
});
