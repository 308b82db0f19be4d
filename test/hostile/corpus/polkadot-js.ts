/**
 * polkadot.js key files, real ones (written by airlock's encoder, by polkadot.js's own
 * `jsonEncrypt`, and the published samples in test/fixtures/polkadot-js) and then mutated:
 * fields changed or removed, versions and types that do not exist, `encoded` cut, flipped, made
 * 4 MB, its scrypt cost raised, lists and batches of 20 dear or 100,000 tiny entries, addresses
 * that are someone else's or carry ESC.
 */
import { readFile } from 'node:fs/promises';
import { newSealKey, seal, type SealKey } from '../../../src/vault/polkadot-js/cipher.js';
import { encodeAccountJson } from '../../../src/vault/polkadot-js/encode.js';
import { BOB, DEV_PHRASE } from '../../helpers/dev-keys.js';
import { pseudoRandomBytes } from '../../helpers/qr-frames.js';
import { FILE_PASSWORD, flipBit, IMPORT_BOTH, utf8, writeSamples, type HostileInput, type Sample } from './inputs.js';

type Json = Record<string, unknown>;
type Change = (file: Json) => void;

const WHEN = 1_714_564_800_000;
const SPEC = new URL('../../fixtures/polkadot-js/keyring-spec.json', import.meta.url);

export async function polkadotJsInputs(dir: string): Promise<HostileInput[]> {
  const password = utf8(FILE_PASSWORD);
  // //Ferdie: not in the test vault, so a clean import of it adds an account.
  const ferdie = (await encodeAccountJson({ phrase: DEV_PHRASE, path: '//Ferdie', type: 'sr25519' }, password, {
    name: 'ferdie',
    whenCreated: WHEN,
  })) as unknown as Json;
  const samples = [
    { name: 'sound-account.json', data: JSON.stringify(ferdie), expect: 'either' as const },
    ...fieldChanges(ferdie),
    ...encodedDamage(ferdie),
    ...scryptCosts(ferdie),
    ...hugeEncoded(ferdie),
    ...notAKeyFile(),
    ...lists(ferdie),
    ...batches(ferdie, await newSealKey(password)),
    ...(await publishedSamples()),
  ];
  // A file refused is refused before any vault is opened, the same way with --dry-run; one
  // that opens is run both ways, as the dry run shows what the file holds.
  const [refused, opened] = [
    samples.filter((s) => (s.expect ?? 'refused') === 'refused'),
    samples.filter((s) => s.expect === 'either'),
  ];
  return [
    ...(await writeSamples(dir, 'polkadot.js', ['import'], refused)),
    ...(await writeSamples(dir, 'polkadot.js', IMPORT_BOTH, opened)),
  ];
}

function changed(file: Json, name: string, change: Change, expect: Sample['expect'] = 'refused'): Sample {
  const copy = structuredClone(file);
  change(copy);
  return { name: `${name}.json`, data: JSON.stringify(copy), expect };
}

const encoding = (file: Json) => file.encoding as Json;
const meta = (file: Json) => file.meta as Json;

/** Fields outside the secretbox: the address, the encoding, the metadata. */
function fieldChanges(file: Json): Sample[] {
  const address = file.address as string;
  return [
    changed(file, 'address-of-bob', (f) => (f.address = BOB.substrate)),
    changed(file, 'address-garbage', (f) => (f.address = 'not an address')),
    changed(file, 'address-empty', (f) => (f.address = '')),
    changed(file, 'address-with-escape', (f) => (f.address = `\u001b]0;owned\u0007\u001b[2J${address}`)),
    changed(file, 'address-300-characters', (f) => (f.address = address.repeat(7).slice(0, 300))),
    changed(file, 'address-ethereum-for-sr25519', (f) => (f.address = '0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac')),
    changed(file, 'address-missing', (f) => delete f.address),
    changed(file, 'version-4', (f) => (encoding(f).version = '4')),
    changed(file, 'version-x', (f) => (encoding(f).version = 'x')),
    changed(file, 'version-number-3', (f) => (encoding(f).version = 3), 'either'),
    changed(file, 'version-missing', (f) => delete encoding(f).version),
    changed(file, 'version-2-with-scrypt', (f) => (encoding(f).version = '2')),
    changed(file, 'type-scrypt-only', (f) => (encoding(f).type = ['scrypt'])),
    changed(file, 'type-none', (f) => (encoding(f).type = 'none')),
    changed(file, 'type-aes', (f) => (encoding(f).type = ['aes-256-gcm'])),
    changed(file, 'type-empty', (f) => (encoding(f).type = [])),
    changed(file, 'content-rsa', (f) => (encoding(f).content = ['pkcs8', 'rsa'])),
    changed(file, 'content-untyped', (f) => (encoding(f).content = ['pkcs8']), 'either'),
    changed(file, 'content-ed25519', (f) => (encoding(f).content = ['pkcs8', 'ed25519'])),
    changed(file, 'content-pkcs9', (f) => (encoding(f).content = 'pkcs9')),
    changed(file, 'content-claims-batch', (f) => (encoding(f).content = ['batch-pkcs8'])),
    changed(file, 'content-empty', (f) => (encoding(f).content = [])),
    changed(file, 'meta-null', (f) => (f.meta = null), 'either'),
    changed(file, 'meta-array', (f) => (f.meta = ['name'])),
    changed(
      file,
      'meta-name-escapes',
      (f) => (meta(f).name = '\u001b[2J\u001b]0;owned\u0007ferdie\r\nbackup verified OK'),
      'either',
    ),
    changed(file, 'meta-name-bidi', (f) => (meta(f).name = 'ferdie\u202Efdp.exe'), 'either'),
    changed(file, 'meta-name-ten-thousand', (f) => (meta(f).name = 'f'.repeat(10_000)), 'either'),
    changed(file, 'meta-name-object', (f) => (meta(f).name = { toString: 'x' }), 'either'),
    changed(file, 'meta-genesis-garbage', (f) => (meta(f).genesisHash = '\u001b[2Jnot a hash'), 'either'),
    changed(file, 'meta-when-created-huge', (f) => (meta(f).whenCreated = 1e300), 'either'),
    changed(file, 'meta-when-created-string', (f) => (meta(f).whenCreated = 'yesterday'), 'either'),
    changed(file, 'meta-external', (f) => (meta(f).isExternal = true), 'either'),
    changed(
      file,
      'meta-proto',
      (f) => (f.meta = JSON.parse('{"__proto__": {"name": "polluted"}, "name": "ferdie"}') as Json),
      'either',
    ),
  ];
}

/** `encoded` decoded, damaged in one place (salt, N, p, r, nonce, box), encoded again. */
function encodedDamage(file: Json): Sample[] {
  const bytes = new Uint8Array(Buffer.from(file.encoded as string, 'base64'));
  const as = (name: string, value: string) => changed(file, name, (f) => (f.encoded = value));
  const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
  const flips: [string, number, number][] = [
    ['salt', 0, 0],
    ['salt-end', 31, 7],
    ['N', 34, 0],
    ['N-high', 35, 7],
    ['p', 36, 1],
    ['r', 40, 2],
    ['nonce', 44, 3],
    ['mac', 68, 4],
    ['box', 90, 5],
    ['last-byte', bytes.length - 1, 6],
  ];
  return [
    ...flips.map(([where, at, bit]) => as(`encoded-flip-${where}`, b64(flipBit(bytes, at, bit)))),
    as('encoded-empty', ''),
    as('encoded-0x', '0x'),
    as('encoded-bad-hex', '0xzz'),
    as('encoded-odd-hex', `0x${Buffer.from(bytes).toString('hex')}0`),
    as('encoded-with-spaces', b64(bytes).replace(/(.{8})/gu, '$1 ')),
    as('encoded-url-safe', b64(bytes).replace(/\+/gu, '-').replace(/\//gu, '_')),
    as('encoded-10-bytes', b64(bytes.subarray(0, 10))),
    as('encoded-header-only', b64(bytes.subarray(0, 44))),
    as('encoded-no-box', b64(bytes.subarray(0, 68))),
    as('encoded-number', 12345 as unknown as string),
  ];
}

/** The scrypt cost named inside `encoded` (salt(32) | N | p | r, u32 little-endian), changed. */
function withScrypt(file: Json, N: number, p = 1, r = 8, salt?: Uint8Array): Json {
  const bytes = Buffer.from(file.encoded as string, 'base64');
  if (salt) bytes.set(salt, 0);
  bytes.writeUInt32LE(N, 32);
  bytes.writeUInt32LE(p, 36);
  bytes.writeUInt32LE(r, 40);
  return { ...file, encoded: bytes.toString('base64') };
}

function scryptCosts(file: Json): Sample[] {
  const cost = (name: string, N: number, p = 1, r = 8) => ({
    name: `scrypt-${name}.json`,
    data: JSON.stringify(withScrypt(file, N, p, r)),
  });
  return [
    cost('N2^18', 2 ** 18),
    cost('N2^20', 2 ** 20),
    cost('N2^21', 2 ** 21),
    cost('N2^32-1', 2 ** 32 - 1),
    cost('N0', 0),
    cost('p0', 2 ** 15, 0),
    cost('r0', 2 ** 15, 1, 0),
    cost('p-huge', 2 ** 15, 2 ** 31),
  ];
}

/** `encoded` of 4 MB, as base64 and as hex: a file under the 16 MiB limit. */
function hugeEncoded(file: Json): Sample[] {
  const random = pseudoRandomBytes(3 * 1024 * 1024, 1503);
  return [
    changed(file, 'encoded-4MB-base64', (f) => (f.encoded = Buffer.from(random).toString('base64'))),
    changed(
      file,
      'encoded-4MB-hex',
      (f) => (f.encoded = `0x${Buffer.from(random.subarray(0, 2 * 1024 * 1024)).toString('hex')}`),
    ),
  ];
}

function notAKeyFile(): Sample[] {
  return [
    { name: 'pjs-empty-object.json', data: '{}' },
    { name: 'pjs-empty-list.json', data: '[]' },
    { name: 'pjs-list-of-null.json', data: '[null]' },
    {
      name: 'pjs-encoding-only.json',
      data: '{"encoding":{"content":["pkcs8","sr25519"],"type":["scrypt","xsalsa20-poly1305"],"version":"3"}}',
    },
  ];
}

/** The smallest thing that parses as a list entry: an unencrypted, undecodable key. */
const TINY = {
  address: '5x',
  encoded: '0x00',
  encoding: { content: ['pkcs8', 'sr25519'], type: ['none'], version: '3' },
  meta: {},
};

/** Apps' JSON array of accounts. */
function lists(file: Json): Sample[] {
  const dear = (N: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      ...withScrypt(file, N, 1, 8, pseudoRandomBytes(32, 2000 + i)),
      meta: { name: `dear ${i}` },
    }));
  return [
    { name: 'list-20-at-N2^20.json', data: JSON.stringify(dear(2 ** 20, 20)) },
    { name: 'list-20-at-N2^18.json', data: JSON.stringify(dear(2 ** 18, 20)) },
    { name: 'list-100k-tiny.json', data: JSON.stringify(Array(100_000).fill(TINY)) },
    { name: 'list-1001-tiny.json', data: JSON.stringify(Array(1001).fill(TINY)) },
    { name: 'list-sound-and-garbage.json', data: JSON.stringify([file, { address: 1 }]) },
    {
      name: 'list-sound-and-escape.json',
      data: JSON.stringify([file, { ...file, address: `\u001b[2J${BOB.substrate}` }]),
      expect: 'either',
    },
    // Accounts airlock cannot take are left out, with the reason: an import of nothing, shown cleaned.
    {
      name: 'list-tiny-with-escapes.json',
      data: JSON.stringify([{ ...TINY, address: '\u001b]0;owned\u0007', meta: { name: '\u001b[2J' } }]),
      expect: 'either',
    },
  ];
}

/** The extension's "export all": the list sealed again with the password, as airlock's encoder seals it. */
function batches(file: Json, key: SealKey): Sample[] {
  const batch = (list: unknown[] | string, accounts: unknown = []) => {
    const text = typeof list === 'string' ? list : JSON.stringify(list);
    const encoded = Buffer.from(seal(utf8(text), key)).toString('base64');
    return JSON.stringify({
      encoded,
      encoding: { content: ['batch-pkcs8'], type: ['scrypt', 'xsalsa20-poly1305'], version: '3' },
      accounts,
    });
  };
  const flipped = JSON.parse(batch([file])) as Json;
  flipped.encoded = Buffer.from(
    flipBit(new Uint8Array(Buffer.from(flipped.encoded as string, 'base64')), 100, 0),
  ).toString('base64');
  return [
    { name: 'batch-sound.json', data: batch([file], [{ address: file.address, meta: file.meta }]), expect: 'either' },
    { name: 'batch-100k-tiny.json', data: batch(Array(100_000).fill(TINY)) },
    { name: 'batch-flipped.json', data: JSON.stringify(flipped) },
    { name: 'batch-inside-not-json.json', data: batch('this is not json') },
    { name: 'batch-inside-object.json', data: batch('{"accounts": []}') },
    {
      name: 'batch-inside-escapes.json',
      data: batch([{ ...TINY, address: '\u001b]0;owned\u0007', meta: { name: '\u001b[2J' } }]),
      expect: 'either',
    },
    {
      name: 'batch-accounts-lie.json',
      data: batch([file], [{ address: '\u001b[2J', meta: { name: '\u001b]0;x\u0007' } }]),
      expect: 'either',
    },
  ];
}

interface SpecFile {
  label: string;
  password: string;
  json: Json;
}

/** The key files polkadot.js publishes as test data: each as it is, and with its `encoded` flipped. */
async function publishedSamples(): Promise<Sample[]> {
  const { files } = JSON.parse(await readFile(SPEC, 'utf8')) as { files: SpecFile[] };
  return files.flatMap(({ label, password, json }) => {
    const name = label
      .replace(/[^a-z0-9]+/giu, '-')
      .replace(/^-|-$/gu, '')
      .toLowerCase();
    const encoded = json.encoded as string;
    const hex = encoded.startsWith('0x');
    const bytes = new Uint8Array(hex ? Buffer.from(encoded.slice(2), 'hex') : Buffer.from(encoded, 'base64'));
    const damaged = flipBit(bytes, Math.floor(bytes.length / 2), 3);
    const reencoded = hex ? `0x${Buffer.from(damaged).toString('hex')}` : Buffer.from(damaged).toString('base64');
    return [
      { name: `spec-${name}.json`, data: JSON.stringify(json), password, expect: 'either' as const },
      { name: `spec-${name}-flipped.json`, data: JSON.stringify({ ...json, encoded: reencoded }), password },
    ];
  });
}
