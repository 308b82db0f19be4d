/** End to end: polkadot.js key files out of and into airlock, through the real binary and real files. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Keyring as PairKeyring } from '@polkadot/keyring';
import type { KeyringPair$Json } from '@polkadot/keyring/types';
import { base64Decode, base64Encode, cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OWNER,
  airlockJson,
  airlockOk,
  copyVault,
  createVault,
  expectCleanFailure,
  fileBytes,
  runAirlock,
  runAirlockInTerminal,
} from '../helpers/cli.js';
import { BOB, DEV_PHRASE } from '../helpers/dev-keys.js';
import { createScratch } from '../helpers/files.js';

const FILE_PASSWORD = 'file-password-42';
const BACKUP = { AIRLOCK_BACKUP_PASSWORD: FILE_PASSWORD };
const BOTH = { ...OWNER, ...BACKUP };
const MESSAGE = new Uint8Array(Buffer.from('airlock cli test message'));

interface Entry {
  kind: string;
  name: string;
  action: string;
  reason?: string;
}
interface AccountJson {
  name: string;
  address: string;
  publicKey: string;
  type: string;
  identity: string;
}

let scratch: Awaited<ReturnType<typeof createScratch>>;
let template = '';
let extensionBatch = '';
let keys: PairKeyring;

beforeAll(async () => {
  await cryptoWaitReady();
  keys = new PairKeyring({ type: 'sr25519' });
  scratch = await createScratch('polkadot-js');
  template = await createVault(join(await scratch.dir('template'), 'vault.json'), { devIdentity: true });
  for (const [name, type, path] of [
    ['alice', 'sr25519', '//Alice'],
    ['alice-ed', 'ed25519', '//Alice'],
    ['bob', 'sr25519', '//Bob'],
  ]) {
    await airlockOk(['account', 'derive', '--identity', 'dev', '--name', name!, '--type', type!, '--path', path!], {
      vault: template,
      env: OWNER,
    });
  }
  // As the extension writes "export all": Bob keeps a password of his own inside the batch.
  const alice = keys.addFromUri(`${DEV_PHRASE}//Alice`, { name: 'alice' });
  const bob = keys.addFromUri(`${DEV_PHRASE}//Bob`, { name: 'bob' });
  const charlie = keys.addFromUri(`${DEV_PHRASE}//Charlie`, { name: 'charlie' });
  extensionBatch = join(await scratch.dir('media'), 'batch_exported_account_1700000000000.json');
  const inner = [alice.toJson(FILE_PASSWORD), bob.toJson('bobs-own-password-7'), charlie.toJson(FILE_PASSWORD)];
  await writeFile(extensionBatch, JSON.stringify(await sealList(inner, FILE_PASSWORD)));
});
afterAll(() => scratch?.remove());

/** The extension's batch around files that already exist: the list sealed again with the batch password. */
async function sealList(inner: KeyringPair$Json[], password: string) {
  const { jsonEncrypt } = await import('@polkadot/util-crypto');
  const { stringToU8a } = await import('@polkadot/util');
  const sealed = jsonEncrypt(stringToU8a(JSON.stringify(inner)), ['batch-pkcs8'], password);
  return { ...sealed, accounts: inner.map(({ address, meta }) => ({ address, meta })) };
}

describe.concurrent('polkadot.js files through the command line', () => {
  it('export --format polkadot-js-batch, import into a new vault: the same accounts, keys included', async () => {
    const file = join(await scratch.dir(), 'all.json');
    const receipt = await airlockJson<{ format: string; accounts: string[] }>(
      ['export', '--format', 'polkadot-js-batch', '--out', file, '--json'],
      {
        vault: template,
        env: BOTH,
      },
    );
    expect(receipt).toMatchObject({ format: 'polkadot-js-batch', accounts: ['alice', 'alice-ed', 'bob'] });

    const vault = await createVault(join(await scratch.dir(), 'vault.json'));
    const done = await airlockJson<{ format: string; entries: Entry[] }>(['import', file, '--json'], {
      vault,
      env: BOTH,
    });
    expect(done.format).toBe('polkadot-js-batch');
    expect(done.entries.map((e) => `${e.kind} ${e.name} ${e.action}`)).toEqual([
      'identity all add',
      'account alice add',
      'account alice-ed add',
      'account bob add',
    ]);
    const mine = await airlockJson<AccountJson[]>(['account', 'list', '--json'], { vault: template, env: OWNER });
    const theirs = await airlockJson<AccountJson[]>(['account', 'list', '--json'], { vault, env: OWNER });
    expect(theirs.map((a) => [a.name, a.publicKey, a.type, a.identity])).toEqual(
      mine.map((a) => [a.name, a.publicKey, a.type, 'all']),
    );

    // The imported key goes out again, as one polkadot.js file that polkadot.js opens and signs with.
    const single = join(await scratch.dir(), 'bob.json');
    await airlockOk(['export', '--format', 'polkadot-js', '--account', 'bob', '--out', single], { vault, env: BOTH });
    const pair = keys.addFromJson(JSON.parse(await readFile(single, 'utf8')) as KeyringPair$Json);
    pair.decodePkcs8(FILE_PASSWORD);
    expect(signatureVerify(MESSAGE, pair.sign(MESSAGE), BOB.substrate).isValid).toBe(true);
  });

  it('at a terminal, a batch export counts the keys it derives; piped, it prints nothing of the kind', async () => {
    const file = join(await scratch.dir(), 'counted.json');
    const result = await runAirlockInTerminal(['export', '--format', 'polkadot-js-batch', '--out', file], {
      vault: template,
      env: BOTH,
    });
    expect(result.code, result.stdout).toBe(0);
    // The template holds three accounts with keys: the last count says all three.
    expect(result.stdout).toMatch(/keys derived: 3 of 3\r?\n/u);
    const piped = join(await scratch.dir(), 'piped.json');
    const quiet = await airlockOk(['export', '--format', 'polkadot-js-batch', '--out', piped], {
      vault: template,
      env: BOTH,
    });
    expect(quiet.stderr).not.toContain('keys derived');
  });

  it('--format polkadot-js needs exactly one account, and says so before asking for a password', async () => {
    const file = join(await scratch.dir(), 'one.json');
    expectCleanFailure(
      await runAirlock(['export', '--format', 'polkadot-js', '--out', file], { vault: template, env: OWNER }),
      /holds one account/,
    );
    await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('an extension batch with an account under its own password: at a terminal, that password is asked for', async () => {
    const vault = await copyVault(template, await scratch.dir());
    const result = await runAirlockInTerminal(['import', extensionBatch], {
      vault,
      env: BOTH,
      replies: [{ when: /Password for "bob"/, send: 'bobs-own-password-7\r' }],
    });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).not.toContain('bobs-own-password-7');
    const names = (await airlockJson<AccountJson[]>(['account', 'list', '--json'], { vault, env: OWNER })).map(
      (a) => a.name,
    );
    // Alice and Bob are in the vault already (derived from the words); Charlie comes in.
    expect(names).toEqual(['alice', 'alice-ed', 'bob', 'charlie']);
  });

  it('without a terminal the import refuses and changes nothing; the dry run lists the locked account', async () => {
    const vault = await copyVault(template, await scratch.dir());
    const before = await fileBytes(vault);
    expectCleanFailure(
      await runAirlock(['import', extensionBatch], { vault, env: BOTH }),
      /1 account in .* has a password of its own, and there is no terminal to ask for it;/,
    );
    expect(await fileBytes(vault)).toEqual(before);

    const plan = await airlockJson<{ entries: Entry[] }>(['import', extensionBatch, '--dry-run', '--json'], {
      vault,
      env: BOTH,
    });
    expect(plan.entries.map((e) => `${e.kind} ${e.name} ${e.action}`)).toEqual([
      'identity batch_exported_account_1700000000000 add',
      'account alice skip',
      'account charlie add',
      'account bob skip',
    ]);
    expect(plan.entries.at(-1)?.reason).toMatch(/password of its own/);
    expect(await fileBytes(vault)).toEqual(before);
  });
});

describe.concurrent('bad polkadot.js files: one clear message each, the vault byte-identical', () => {
  const aliceFile = () => {
    const json = keys.addFromUri(`${DEV_PHRASE}//Alice`, { name: 'alice' }).toJson(FILE_PASSWORD);
    return { json, text: JSON.stringify(json) };
  };
  const withEncoded = (json: KeyringPair$Json, edit: (bytes: Buffer) => void) => {
    const bytes = Buffer.from(base64Decode(json.encoded));
    edit(bytes);
    return JSON.stringify({ ...json, encoded: base64Encode(bytes) });
  };
  const cases: [string, () => string, RegExp, string?][] = [
    ['not JSON', () => 'my accounts', /neither an airlock backup nor a polkadot\.js key file: it is not JSON/],
    ['another kind of JSON', () => '{"accounts": 3}', /neither an airlock backup nor a polkadot\.js key file;/],
    ['truncated', () => aliceFile().text.slice(0, 200), /damaged: it is not complete JSON/],
    [
      'one flipped bit',
      () => withEncoded(aliceFile().json, (b) => (b[b.length - 5]! ^= 0x01)),
      /wrong password .* or the file is damaged/,
    ],
    ['a wrong password', () => aliceFile().text, /wrong password .* or the file is damaged/, 'not-the-password-1'],
    [
      'scrypt N=2^30, refused before it runs',
      () => withEncoded(aliceFile().json, (b) => b.writeUInt32LE(2 ** 30, 32)),
      /scrypt/,
    ],
    [
      'a polkadot.js file over 8 MiB',
      () => `[${' '.repeat(9 * 1024 * 1024)}]`,
      /too large for a polkadot\.js key file \(over 8 MiB\)/,
    ],
  ];
  for (const [what, content, message, password] of cases) {
    it(what, async () => {
      const dir = await scratch.dir();
      const vault = await copyVault(template, dir);
      const file = join(dir, 'keys.json');
      await writeFile(file, content());
      const before = await fileBytes(vault);
      const env = { ...OWNER, AIRLOCK_BACKUP_PASSWORD: password ?? FILE_PASSWORD };
      const started = Date.now();
      expectCleanFailure(await runAirlock(['import', file], { vault, env }), message);
      expect(await fileBytes(vault)).toEqual(before);
      expectCleanFailure(await runAirlock(['import', file, '--dry-run'], { vault, env }), message);
      // A huge N would take minutes and gigabytes if it ran.
      expect(Date.now() - started).toBeLessThan(20_000);
    });
  }
});
