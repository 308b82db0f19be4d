import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DamagedFileError, UserError, WrongPasswordError } from '../../src/errors.js';
import { newSealKey, seal } from '../../src/vault/polkadot-js/cipher.js';
import {
  decodeKeyFile,
  encodeAccountJson,
  encodeExternalAccountJson,
  MAX_FILE_BYTES,
  type KeyringPairJson,
} from '../../src/vault/polkadot-js.js';
import { BOB, DEV_PHRASE } from '../helpers/dev-keys.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const PASSWORD = bytes('right password');
const what = 'alice.json';
const decode = (text: string, password = PASSWORD) => decodeKeyFile(text, password, { what });

let file: KeyringPairJson;
let text: string;

/** The file with its `encoded` bytes changed by `edit`. */
function withEncoded(edit: (b: Buffer) => Buffer): string {
  const encoded = edit(Buffer.from(file.encoded, 'base64')).toString('base64');
  return JSON.stringify({ ...file, encoded });
}

/** A version 3 account file sealing `plain` with PASSWORD, as any writer could. */
async function sealedFile(plain: Uint8Array, content: unknown = ['pkcs8', 'sr25519']): Promise<string> {
  const key = await newSealKey(PASSWORD);
  return JSON.stringify({
    ...file,
    encoded: Buffer.from(seal(plain, key)).toString('base64'),
    encoding: { ...file.encoding, content },
  });
}

beforeAll(async () => {
  file = await encodeAccountJson({ phrase: DEV_PHRASE, path: '//Alice', type: 'sr25519' }, PASSWORD, { name: 'alice' });
  text = JSON.stringify(file);
});

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

type Case = [string, () => string, typeof UserError, RegExp];

describe('bad input gets one clear error', () => {
  it.each<Case>([
    [
      'not JSON',
      () => 'hello, world',
      UserError,
      /^alice\.json is neither an airlock backup nor a polkadot\.js key file: it is not JSON$/,
    ],
    [
      'truncated',
      () => text.slice(0, text.length / 2),
      DamagedFileError,
      /^alice\.json is damaged: it is not complete JSON$/,
    ],
    [
      'another JSON format',
      () => '{"format":"airlock-backup","version":1}',
      UserError,
      /^alice\.json is neither an airlock backup nor a polkadot\.js key file$/,
    ],
    [
      'an address-book entry',
      () => JSON.stringify({ address: BOB.substrate, meta: { name: 'bob' } }),
      UserError,
      /is neither an airlock backup nor a polkadot\.js key file$/,
    ],
    ['an empty list', () => '[]', UserError, /^alice\.json holds no accounts$/],
    [
      'a missing field',
      () => JSON.stringify({ ...file, address: undefined }),
      DamagedFileError,
      /^alice\.json is damaged: its address is missing$/,
    ],
    [
      'a field of the wrong type',
      () => JSON.stringify({ ...file, meta: 'alice' }),
      DamagedFileError,
      /^alice\.json is damaged: its meta must be an object$/,
    ],
    [
      'an encoded key too long to be one',
      () => JSON.stringify({ ...file, encoded: 'A'.repeat(4 * 1024 * 1024) }),
      DamagedFileError,
      /^alice\.json is damaged: its encoded is longer than 4,096 characters$/,
    ],
    [
      'encoded neither hex nor base64',
      () => JSON.stringify({ ...file, encoded: 'not*base64' }),
      DamagedFileError,
      /neither hex nor base64/,
    ],
    [
      'encoded cut short',
      () => withEncoded((b) => b.subarray(0, 80)),
      DamagedFileError,
      /^alice\.json is damaged: its encoded key is too short$/,
    ],
    [
      'an unknown key type',
      () => JSON.stringify({ ...file, encoding: { ...file.encoding, content: ['pkcs8', 'bls'] } }),
      UserError,
      /holds a key of type "bls"/,
    ],
    [
      'an unknown version',
      () => JSON.stringify({ ...file, encoding: { ...file.encoding, version: '4' } }),
      UserError,
      /of version 4, which airlock does not read/,
    ],
    [
      'an unknown cipher',
      () => JSON.stringify({ ...file, encoding: { ...file.encoding, type: ['argon2', 'xsalsa20-poly1305'] } }),
      UserError,
      /encrypted with "argon2, xsalsa20-poly1305"/,
    ],
  ])('%s', async (_case, make, kind, message) => {
    const error = await rejection(decode(make()));
    expect(error).toBeInstanceOf(kind);
    if (kind === UserError) expect(error).not.toBeInstanceOf(DamagedFileError);
    expect(error.message).toMatch(message);
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const started = performance.now();
    const error = await rejection(decode(`[${' '.repeat(MAX_FILE_BYTES)}]`));
    expect(performance.now() - started).toBeLessThan(100);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe('alice.json is too large for a polkadot.js key file (over 8 MiB)');
  });

  it.each([
    ['a huge N', 32, 1 << 30, /N=1073741824, r=8, p=1, which airlock does not accept/],
    ['a changed r', 40, 1, /N=32768, r=1, p=1, which airlock does not accept/],
  ])('refuses %s before running scrypt', async (_case, offset, value, message) => {
    const tampered = withEncoded((b) => {
      const copy = Buffer.from(b);
      copy.writeUInt32LE(value, offset);
      return copy;
    });
    const started = performance.now();
    const error = await rejection(decode(tampered));
    expect(performance.now() - started).toBeLessThan(100);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(message);
  });

  it('says a wrong password may also be a damaged file, since secretbox cannot tell', async () => {
    const error = await rejection(decode(text, bytes('wrong password')));
    expect(error).toBeInstanceOf(WrongPasswordError);
    expect(error.message).toBe('wrong password for alice.json, or the file is damaged');
    expect(await rejection(decode(text, new Uint8Array()))).toBeInstanceOf(WrongPasswordError);
  });

  it('says the same of a flipped bit in the ciphertext', async () => {
    const flipped = withEncoded((b) => {
      const copy = Buffer.from(b);
      copy[100] = copy[100]! ^ 0x04;
      return copy;
    });
    const error = await rejection(decode(flipped));
    expect(error).toBeInstanceOf(WrongPasswordError);
    expect(error.message).toBe('wrong password for alice.json, or the file is damaged');
  });

  it('catches an address that does not belong to the key inside', async () => {
    const error = await rejection(decode(JSON.stringify({ ...file, address: BOB.substrate })));
    expect(error).toBeInstanceOf(DamagedFileError);
    expect(error.message).toBe(
      `alice.json is damaged: its address ${BOB.substrate} does not belong to the key inside it`,
    );
  });

  it('catches a sealed key that is not a key', async () => {
    const error = await rejection(decode(await sealedFile(new Uint8Array(117).fill(7))));
    expect(error).toBeInstanceOf(DamagedFileError);
    expect(error.message).toBe('alice.json is damaged: the key inside it is malformed');
  });

  it('catches a batch whose sealed contents are not a list of accounts', async () => {
    const batch = async (plain: string) =>
      JSON.stringify({
        ...JSON.parse(await sealedFile(bytes(plain))),
        encoding: { content: ['batch-pkcs8'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' },
        accounts: [],
      });
    expect((await rejection(decode(await batch('{"a":1}')))).message).toBe(
      'alice.json is damaged: its accounts are not a list',
    );
    expect((await rejection(decode(await batch('[{"address":1}]')))).message).toBe(
      'alice.json, account 1 is damaged: its address must be text',
    );
  });
});

describe('writing refuses what polkadot.js would get wrong', () => {
  it('an empty password, which polkadot.js takes as none and writes the key in the clear', async () => {
    const error = await rejection(
      encodeAccountJson({ phrase: DEV_PHRASE, path: '//Alice', type: 'sr25519' }, new Uint8Array(), { name: 'a' }),
    );
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe('a polkadot.js file needs a password');
  });

  it('a public key of the wrong size for its type', () => {
    expect(() => encodeExternalAccountJson({ publicKey: new Uint8Array(32), type: 'ecdsa' }, { name: 'x' })).toThrow(
      new RangeError('publicKey: expected 33 bytes for ecdsa, got 32'),
    );
  });

  it('a soft junction on an ed25519 key', async () => {
    await expect(
      encodeAccountJson({ phrase: DEV_PHRASE, path: '//a/b', type: 'ed25519' }, bytes('pw'), { name: 'x' }),
    ).rejects.toThrow(/cannot be soft-derived/);
  });
});

describe('the key derivation a file asks for is bounded before any of it starts', () => {
  /** The account file re-sealed in its header only: a salt and cost of its own, as apps writes each account. */
  function costing(N: number, salt = randomBytes(32)): KeyringPairJson {
    const bytes = Buffer.from(file.encoded, 'base64');
    salt.copy(bytes, 0);
    bytes.writeUInt32LE(N, 32);
    return { ...file, encoded: bytes.toString('base64') };
  }
  const list = (count: number, N: number) => JSON.stringify(Array.from({ length: count }, () => costing(N)));

  async function refusedAtOnce(text: string): Promise<string> {
    const started = performance.now();
    const error = await rejection(decode(text));
    // Refused from the headers alone: one scrypt run at N=2^20 takes seven seconds here, and a
    // file's first runs start four at once (N=2^17: 0.8 s each).
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(UserError);
    return error.message;
  }

  it('an apps list of 20 accounts at N=2^20, beyond what polkadot.js writes', async () => {
    expect(await refusedAtOnce(list(20, 1 << 20))).toBe(
      'alice.json asks for 20 key derivations at N=2^20 (1 GiB of memory each, about 2 minutes of work on one core); ' +
        'polkadot.js writes at most N=2^17 (128 MiB) per key, and airlock reads no more',
    );
  });

  it('a list of 1,000 such accounts', async () => {
    expect(await refusedAtOnce(list(1000, 1 << 20))).toMatch(
      /^alice\.json asks for 1,000 key derivations at N=2\^20 \(1 GiB of memory each, about 1\.8 hours of work on one core\); /,
    );
  });

  it('a single account at N=2^20', async () => {
    expect(await refusedAtOnce(JSON.stringify(costing(1 << 20)))).toMatch(
      /^alice\.json asks for 1 key derivation at N=2\^20 \(1 GiB of memory, about 6 seconds of work on one core\); /,
    );
  });

  it('a list of 1,000 accounts at N=2^17, each costing what polkadot.js writes, but all together too much', async () => {
    const mixed = JSON.stringify([costing(1 << 15), ...Array.from({ length: 999 }, () => costing(1 << 17))]);
    expect(await refusedAtOnce(mixed)).toBe(
      'alice.json asks for 1,000 key derivations at N=2^15 to 2^17 (up to 128 MiB of memory each, about 13 minutes of work on one core); ' +
        'airlock reads at most the work of 1,000 at N=2^15 (250 at N=2^17) from one file',
    );
  });

  it('the accounts of a batch, each under a salt of its own, once the batch is open', async () => {
    const inner = bytes(JSON.stringify(Array.from({ length: 300 }, () => costing(1 << 17))));
    const batch = JSON.stringify({
      encoded: Buffer.from(seal(inner, await newSealKey(PASSWORD))).toString('base64'),
      encoding: { content: ['batch-pkcs8'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' },
      accounts: [],
    });
    const error = await rejection(decode(batch));
    expect(error.message).toMatch(
      /^alice\.json asks for 301 key derivations at N=2\^15 to 2\^17 \(.*\); airlock reads at most the work of 1,000 at N=2\^15/,
    );
  });

  it('counts accounts under one salt and cost once, as they share one run', async () => {
    const salt = randomBytes(32);
    const shared = JSON.stringify(Array.from({ length: 300 }, () => costing(1 << 17, salt)));
    // 300 runs at 2^17 would be over the bound; one is not. The changed header opens none of them.
    const result = await decode(shared);
    expect(result.locked).toHaveLength(300);
  });
});
