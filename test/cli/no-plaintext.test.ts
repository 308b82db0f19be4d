/**
 * End to end: no secret and nothing identifying is written to disk in plaintext (DESIGN.md,
 * "Formats" and "Rules that hold everywhere", 2). After a full session, every file in the
 * vault's directory and in HOME is searched for the words, names, addresses, public keys and
 * passwords used.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PASSWORD,
  type RunOptions,
  airlockJson,
  airlockOk,
  expectCleanFailure,
  runAirlock,
  runAirlockInTerminal,
} from '../helpers/cli.js';
import { ALICE, BOB, DEV_PHRASE, EIP55_ADDRESS } from '../helpers/dev-keys.js';
import { createScratch } from '../helpers/files.js';

const NEW_PASSWORD = 'second-passphrase-for-the-vault-88';
const IDENTITY = 'ravens-ledger-7c1';
const GENERATED_IDENTITY = 'fresh-words-e5d';
const ACCOUNTS = {
  alice: 'alice-hot-4e2',
  aliceRenamed: 'alice-renamed-33c',
  alith: 'alith-eth-b71',
  stash: 'kusama-stash-d09',
  generated: 'generated-first-a6f',
} as const;
const ADDRESS_BOOK = {
  treasury: 'treasury-cold-9f3',
  exchange: 'exchange-deposit-51a',
  note: 'quarterly-sweep-0a8',
} as const;

let scratch: Awaited<ReturnType<typeof createScratch>>;
beforeAll(async () => {
  scratch = await createScratch('no-plaintext');
});
afterAll(() => scratch?.remove());

/** Every run of `size` consecutive words of a phrase. */
function windows(phrase: string, size = 3): string[] {
  const words = phrase.split(' ');
  return words.slice(0, words.length - size + 1).map((_, i) => words.slice(i, i + size).join(' '));
}

/** Every regular file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(dir, e.name));
  const nested = await Promise.all(entries.filter((e) => e.isDirectory()).map((e) => filesUnder(join(dir, e.name))));
  return [...files, ...nested.flat()];
}

describe('no plaintext on disk', () => {
  it('after restore, new, derive, address book, rename, a failed restore and passwd, no file holds a secret or a name', async () => {
    const home = await scratch.dir('home');
    const vaultDir = join(scratch.root, 'vault-dir');
    const vault = join(vaultDir, 'vault.json');
    const as = (password: string): RunOptions => ({ vault, home, env: { AIRLOCK_PASSWORD: password } });
    const run = (args: string[], input?: string) => airlockOk(args, { ...as(PASSWORD), input });

    await run(['init']);
    await run(['identity', 'restore', '--name', IDENTITY], `${DEV_PHRASE}\n`);
    await run(['account', 'derive', '--identity', IDENTITY, '--name', ACCOUNTS.alice, '--path', '//Alice']);
    await run(['account', 'derive', '--identity', IDENTITY, '--name', ACCOUNTS.alith, '--type', 'ethereum']);
    await run([
      'account',
      'derive',
      '--identity',
      IDENTITY,
      '--name',
      ACCOUNTS.stash,
      '--path',
      '//stash//1',
      '--network',
      'kusama',
    ]);
    await run(['address', 'add', '--name', ADDRESS_BOOK.treasury, '--network', 'substrate', BOB.substrate]);
    await run(['address', 'add', '--name', ADDRESS_BOOK.exchange, '--note', ADDRESS_BOOK.note, EIP55_ADDRESS]);
    await run(['account', 'rename', ACCOUNTS.alice, ACCOUNTS.aliceRenamed]);

    const generated = await runAirlockInTerminal(['identity', 'new', '--name', GENERATED_IDENTITY], {
      ...as(PASSWORD),
      replies: [{ when: 'Press Enter', send: '\r' }],
    });
    expect(generated.code, generated.stdout).toBe(0);
    const generatedPhrase = [...generated.stdout.matchAll(/(\d+)\. ([a-z]+)/gu)]
      .sort((a, b) => Number(a[1]) - Number(b[1]))
      .map((m) => m[2]!)
      .join(' ');
    expect(generatedPhrase.split(' ')).toHaveLength(24);
    await run(['account', 'derive', '--identity', GENERATED_IDENTITY, '--name', ACCOUNTS.generated, '--path', '//0']);

    const misspelled = DEV_PHRASE.replace('curtain', 'curtian');
    expectCleanFailure(
      await runAirlock(['identity', 'restore', '--name', 'never-saved'], { ...as(PASSWORD), input: misspelled }),
      /did you mean/,
    );

    await airlockOk(['passwd'], {
      vault,
      home,
      env: { AIRLOCK_PASSWORD: PASSWORD, AIRLOCK_NEW_PASSWORD: NEW_PASSWORD },
    });

    const accounts = await airlockJson<{ name: string; address: string; publicKey: string }[]>(
      ['account', 'list'],
      as(NEW_PASSWORD),
    );
    expect(accounts.map((a) => a.name).sort()).toEqual(
      [ACCOUNTS.aliceRenamed, ACCOUNTS.alith, ACCOUNTS.generated, ACCOUNTS.stash].sort(),
    );

    const needles = [
      ...windows(DEV_PHRASE),
      ...windows(generatedPhrase),
      IDENTITY,
      GENERATED_IDENTITY,
      ...Object.values(ACCOUNTS),
      ...Object.values(ADDRESS_BOOK),
      ...accounts.flatMap((a) => [a.address, a.publicKey.slice(2)]),
      ALICE.substrate,
      ALICE.publicKey.slice(2),
      BOB.substrate,
      BOB.publicKey.slice(2),
      EIP55_ADDRESS,
      PASSWORD,
      NEW_PASSWORD,
    ];

    const files = [...(await filesUnder(vaultDir)), ...(await filesUnder(home))];
    expect(files).toEqual(expect.arrayContaining([vault, `${vault}.bak`]));
    for (const file of files) {
      // Case-folded, so hex and EIP-55 addresses are found in any case.
      const text = (await readFile(file)).toString('latin1').toLowerCase();
      const found = needles.filter((needle) => text.includes(needle.toLowerCase()));
      expect(found, `${file} holds plaintext`).toEqual([]);
    }

    for (const file of [vault, `${vault}.bak`]) expect((await stat(file)).mode & 0o777, file).toBe(0o600);
  });
});
