/**
 * End to end: polkadot.js files that ask for hours of key derivation, hold megabytes where a key
 * belongs or a hundred thousand accounts, and damaged airlock backups. Each is refused by
 * `airlock import --dry-run` at once, in one line that says what is wrong with that file.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup } from '../../src/vault/backup.js';
import type { EnvelopeJson } from '../../src/vault/envelope.js';
import { newSealKey, seal } from '../../src/vault/polkadot-js/cipher.js';
import { encodeAccountJson } from '../../src/vault/polkadot-js/encode.js';
import type { KeyringPairJson } from '../../src/vault/polkadot-js/types.js';
import { OWNER, copyVault, createVault, expectCleanFailure, fileBytes, runAirlock } from '../helpers/cli.js';
import { DEV_PHRASE } from '../helpers/dev-keys.js';
import { createScratch } from '../helpers/files.js';

const FILE_PASSWORD = 'file-password-42';
const password = new Uint8Array(Buffer.from(FILE_PASSWORD, 'utf8'));
const BOTH = { ...OWNER, AIRLOCK_BACKUP_PASSWORD: FILE_PASSWORD };
const BATCH_ENCODING = { content: ['batch-pkcs8'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' };

let scratch: Awaited<ReturnType<typeof createScratch>>;
let template = '';
let alice: KeyringPairJson;
let backup: EnvelopeJson;

beforeAll(async () => {
  scratch = await createScratch('hostile-keys');
  template = await createVault(join(await scratch.dir('template'), 'vault.json'));
  alice = await encodeAccountJson({ phrase: DEV_PHRASE, path: '//Alice', type: 'sr25519' }, password, {
    name: 'alice',
  });
  const path = join(await scratch.dir('backup'), 'backup.json');
  await writeBackup(path, { identities: [], accounts: [], addresses: [] }, password);
  backup = JSON.parse((await fileBytes(path)).toString('utf8')) as EnvelopeJson;
});
afterAll(() => scratch?.remove());

/** Alice's file with a salt of its own and cost N in its header, as apps seals each account. */
function costing(N: number): KeyringPairJson {
  const bytes = Buffer.from(alice.encoded, 'base64');
  randomBytes(32).copy(bytes, 0);
  bytes.writeUInt32LE(N, 32);
  return { ...alice, encoded: bytes.toString('base64') };
}

/** The extension's batch sealing `inner` (the JSON of its accounts) with the file password. */
async function batchOf(inner: string, accounts: unknown[] = []): Promise<string> {
  const encoded = Buffer.from(seal(new Uint8Array(Buffer.from(inner, 'utf8')), await newSealKey(password))).toString(
    'base64',
  );
  return JSON.stringify({ encoded, encoding: BATCH_ENCODING, accounts });
}

/** An account entry of 32 bytes: 100,000 of them seal to over 4 MB of base64, within the size limit. */
const tiny = { address: 'x', encoded: 'AAAA' };
const HUNDRED_THOUSAND =
  /holds 100,000 accounts; airlock reads at most 1,000 from one file; split the accounts over several files$/;

describe.concurrent('refused at once by import --dry-run, the vault unchanged', () => {
  const cases: [string, () => Promise<string> | string, RegExp][] = [
    [
      'an apps list of 20 accounts at N=2^20 (two hours and more of scrypt if run)',
      () => JSON.stringify(Array.from({ length: 20 }, () => costing(1 << 20))),
      /keys\.json asks for 20 key derivations at N=2\^20 \(1 GiB of memory each, about 2 minutes of work on one core\); polkadot\.js writes at most N=2\^17 \(128 MiB\) per key, and airlock reads no more; /,
    ],
    [
      'an apps list of 1,000 accounts at N=2^17',
      () => JSON.stringify(Array.from({ length: 1000 }, () => costing(1 << 17))),
      /asks for 1,000 key derivations at N=2\^17 .*; airlock reads at most the work of 1,000 at N=2\^15 \(250 at N=2\^17\) from one file; /,
    ],
    [
      'an account whose encoded key is 4 MB of base64',
      () => JSON.stringify({ ...alice, encoded: 'A'.repeat(4 << 20) }),
      /keys\.json is damaged: its encoded is longer than 4,096 characters; /,
    ],
    [
      'an account whose encoded key is 4 MB of hex',
      () => JSON.stringify({ ...alice, encoded: `0x${'00'.repeat(2 << 20)}` }),
      /keys\.json is damaged: its encoded is longer than 4,096 characters; /,
    ],
    [
      'a batch whose sealed list of 100,000 tiny accounts is 4 MB of base64',
      () => batchOf(JSON.stringify(Array.from({ length: 100_000 }, () => tiny))),
      HUNDRED_THOUSAND,
    ],
    [
      'a batch listing 100,000 accounts in the clear',
      () =>
        batchOf(
          '[]',
          Array.from({ length: 100_000 }, () => ({})),
        ),
      HUNDRED_THOUSAND,
    ],
    [
      'an apps list of 100,000 tiny accounts',
      () => JSON.stringify(Array.from({ length: 100_000 }, () => tiny)),
      HUNDRED_THOUSAND,
    ],
  ];
  it.each(cases)('%s', async (_what, content, message) => {
    const dir = await scratch.dir();
    const vault = await copyVault(template, dir);
    const file = join(dir, 'keys.json');
    await writeFile(file, await content());
    const before = await fileBytes(vault);
    const started = Date.now();
    expectCleanFailure(await runAirlock(['import', file, '--dry-run'], { vault, env: BOTH }), message);
    // Start-up included; a single scrypt run at N=2^20 takes seven seconds, twenty of them minutes.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await fileBytes(vault)).toEqual(before);
  });
});

describe.concurrent('a damaged airlock backup says what is wrong with it, and that another copy is the cure', () => {
  const COPY_AGAIN = 'copy it again from the medium it came from, or use another copy of this backup';
  // Loose on purpose: the edits write values of types the file must not hold.
  type Damageable = Record<string, unknown> & { kdf: Record<string, unknown>; cipher: Record<string, unknown> };
  const damaged = (edit: (json: Damageable) => void) => () => {
    const json: Damageable = structuredClone(backup);
    edit(json);
    return JSON.stringify(json);
  };
  const cases: [string, () => string, string][] = [
    ['its version missing', damaged((json) => delete json.version), 'its version is missing'],
    [
      'a salt cut short',
      damaged((json) => (json.kdf.salt = Buffer.alloc(16).toString('base64'))),
      'its kdf.salt must be 32 bytes',
    ],
    [
      'a nonce that is not base64',
      damaged((json) => (json.cipher.nonce = '*'.repeat(32))),
      'its cipher.nonce is not base64',
    ],
    ['another cipher', damaged((json) => (json.cipher.name = 'aes')), 'its cipher.name must be "xsalsa20-poly1305"'],
    ['a version in words', damaged((json) => (json.version = 'three')), 'its version must be a number'],
    ['cut short', () => JSON.stringify(backup).slice(0, 300), 'it is not complete JSON'],
  ];
  it.each(cases)('%s', async (_what, content, says) => {
    const dir = await scratch.dir();
    const file = join(dir, 'backup.json');
    await writeFile(file, content());
    const line = expectCleanFailure(
      await runAirlock(['import', file, '--dry-run'], { vault: await copyVault(template, dir), env: BOTH }),
    );
    expect(line).toBe(`airlock: backup ${file} is damaged: ${says}; ${COPY_AGAIN}`);
  });
});
