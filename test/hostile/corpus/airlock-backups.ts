/**
 * Damaged airlock backups: one sound backup, then cut, bit-flipped, its header fields changed,
 * removed or made huge, its scrypt parameters taken off the allow-list, its base64 garbled.
 * Each is run with `import` only: a damaged envelope is refused before any vault is opened,
 * the same way with --dry-run.
 */
import { open as openFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { EnvelopeKey } from '../../../src/vault/envelope.js';
import { seeded } from '../../helpers/qr-frames.js';
import { flipBit, spread, utf8, writeSamples, type HostileInput, type Sample } from './inputs.js';
import { sealFixed, sealRaw, soundContent, type DevKeys } from './seal.js';

type Json = Record<string, unknown>;
type Edit = (envelope: Json) => void;

export async function airlockBackupInputs(dir: string, key: EnvelopeKey, keys: DevKeys): Promise<HostileInput[]> {
  const sound = sealFixed(soundContent(keys), key);
  const samples = [
    ...truncations(sound),
    ...bitFlips(sound),
    ...headerValues(sound),
    ...missingFields(sound),
    ...hugeNumbers(sound),
    ...offTheAllowList(sound),
    ...base64Garbage(sound),
    ...notAnEnvelope(sound),
    ...wrongInside(key),
  ];
  const inputs = await writeSamples(dir, 'airlock backup', ['import'], samples);
  return [...inputs, await hugeCiphertext(dir, sound)];
}

/** Cut short at the start, inside every field, and at the end. */
function truncations(text: string): Sample[] {
  // Cut after the closing brace, only the newline is lost: the same envelope, which may import.
  return spread(0, text.length, 16).map((at) => ({
    name: `cut-at-${at}.json`,
    data: text.slice(0, at),
    expect: sameEnvelope(text, text.slice(0, at)) ? 'either' : 'refused',
  }));
}

/**
 * One bit flipped, in the header (format, version, scrypt parameters, salt, check, nonce) and in
 * the ciphertext. A flip that leaves the same envelope (a bit base64 ignores) may import.
 */
function bitFlips(text: string): Sample[] {
  const bytes = utf8(text);
  const cipherAt = text.indexOf('"ciphertext"');
  const random = seeded(15_001);
  const points = [...spread(0, cipherAt, 16), ...spread(cipherAt + 15, bytes.length - 3, 4)];
  return points.map((at) => {
    const bit = Math.floor(random() * 8);
    const data = flipBit(bytes, at, bit);
    return {
      name: `flip-${at}-bit-${bit}.json`,
      data,
      expect: sameEnvelope(text, Buffer.from(data).toString('utf8')) ? 'either' : 'refused',
    };
  });
}

/** Format and version fields a backup never has. */
function headerValues(text: string): Sample[] {
  const formats: [string, unknown][] = [
    ['vault', 'airlock-vault'],
    ['trailing-space', 'airlock-backup '],
    ['upper-case', 'AIRLOCK-BACKUP'],
    ['empty', ''],
    ['null', null],
    ['number', 42],
    ['object', { name: 'airlock-backup' }],
  ];
  const versions: [string, unknown][] = [
    ['zero', 0],
    ['negative', -1],
    ['older', 2],
    ['newer', 4],
    ['fraction', 3.5],
    ['string', '3'],
    ['null', null],
    ['huge', 1e308],
    ['unsafe-integer', 2 ** 53 + 2],
  ];
  return [
    ...formats.map(([name, value]) => edited(text, `format-${name}.json`, (e) => (e.format = value))),
    ...versions.map(([name, value]) => edited(text, `version-${name}.json`, (e) => (e.version = value))),
    edited(text, 'kdf-argon2.json', (e) => (kdf(e).name = 'argon2id')),
    edited(text, 'cipher-aes.json', (e) => ((e.cipher as Json).name = 'aes-256-gcm')),
    edited(text, 'kdf-array.json', (e) => (e.kdf = [kdf(e)])),
  ];
}

function missingFields(text: string): Sample[] {
  const top = ['format', 'version', 'kdf', 'cipher', 'ciphertext'].map((field) =>
    edited(text, `missing-${field}.json`, (e) => delete e[field]),
  );
  const inKdf = ['name', 'N', 'r', 'p', 'salt', 'check'].map((field) =>
    edited(text, `missing-kdf-${field}.json`, (e) => delete kdf(e)[field]),
  );
  const inCipher = ['name', 'nonce'].map((field) =>
    edited(text, `missing-cipher-${field}.json`, (e) => delete (e.cipher as Json)[field]),
  );
  return [...top, ...inKdf, ...inCipher];
}

function hugeNumbers(text: string): Sample[] {
  const values: [string, string, unknown][] = [
    ['N', '2e40', 2 ** 40],
    ['N', '1e308', 1e308],
    ['N', 'negative', -(2 ** 17)],
    ['N', 'zero', 0],
    ['N', 'string', '131072'],
    ['r', '1e9', 1e9],
    ['p', '2e32', 2 ** 32],
  ];
  return values.map(([field, name, value]) =>
    edited(text, `huge-${field}-${name}.json`, (e) => (kdf(e)[field] = value)),
  );
}

/** scrypt costs the allow-list does not hold: too dear, too cheap, or shaped otherwise. */
function offTheAllowList(text: string): Sample[] {
  const params: [number, number, number][] = [
    [2 ** 21, 8, 1],
    [2 ** 20, 8, 2],
    [2 ** 17, 8, 2],
    [2 ** 15, 8, 1000],
    [2 ** 15, 16, 1],
    [2 ** 10, 8, 1],
    [2 ** 15, 1, 1],
  ];
  return params.map(([N, r, p]) =>
    edited(text, `scrypt-N${Math.log2(N)}-r${r}-p${p}.json`, (e) => Object.assign(kdf(e), { N, r, p })),
  );
}

function base64Garbage(text: string): Sample[] {
  const values: [string, (e: Json) => Json, string, unknown][] = [
    ['salt', kdf, 'not-base64', '!!!!not base64!!!!'],
    ['salt', kdf, 'short', 'AAAA'],
    ['salt', kdf, 'empty', ''],
    ['salt', kdf, 'number', 12345],
    ['check', kdf, 'with-spaces', 'AAAA AAAA AAAA AAAA AAAA AAAA AAAA AAAA AAAA AAA='],
    ['nonce', (e) => e.cipher as Json, 'short', Buffer.alloc(23, 1).toString('base64')],
    ['nonce', (e) => e.cipher as Json, 'padding-only', '===='],
    ['ciphertext', (e) => e, 'empty', ''],
    ['ciphertext', (e) => e, 'padding-only', '===='],
    ['ciphertext', (e) => e, 'shorter-than-mac', Buffer.alloc(10, 3).toString('base64')],
    ['ciphertext', (e) => e, 'with-newlines', 'QUFB\nQUFB\n'],
    ['ciphertext', (e) => e, 'array', ['QUFB']],
  ];
  return values.map(([field, holder, name, value]) =>
    edited(text, `base64-${field}-${name}.json`, (e) => (holder(e)[field] = value)),
  );
}

/** Files that are not an envelope at all, or one with something around it. */
function notAnEnvelope(text: string): Sample[] {
  const deep = `{"format":"airlock-backup","version":3,"kdf":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
  return [
    { name: 'empty.json', data: '' },
    { name: 'blank.json', data: ' \n\t\n' },
    { name: 'null.json', data: 'null' },
    { name: 'array.json', data: '[]' },
    { name: 'empty-object.json', data: '{}' },
    { name: 'format-only.json', data: '{"format":"airlock-backup"}' },
    { name: 'byte-order-mark.json', data: `\uFEFF${text}` },
    { name: 'utf-16.json', data: new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf16le')) },
    { name: 'trailing-garbage.json', data: `${text}garbage` },
    { name: 'two-documents.json', data: `${text}${text}` },
    { name: 'nul-bytes.json', data: text.replace('"kdf"', '"kdf\u0000"') },
    {
      name: 'duplicate-format-key.json',
      data: text.replace('"format": "airlock-backup"', '"format": "airlock-backup", "format": "other"'),
    },
    { name: 'nested-200k-deep.json', data: deep },
    {
      name: 'five-megabyte-field.json',
      data: text.replace('"format"', `"padding": "${'A'.repeat(5 * 1024 * 1024)}", "format"`),
    },
  ];
}

/** Sealed with the right password, but what is inside is not a backup's content. */
function wrongInside(key: EnvelopeKey): Sample[] {
  return [
    { name: 'inside-not-json.json', data: sealRaw(utf8('this is not json'), key) },
    { name: 'inside-not-utf8.json', data: sealRaw(Uint8Array.from([0xff, 0xfe, 0x00, 0xc3, 0x28]), key) },
    { name: 'inside-empty.json', data: sealRaw(new Uint8Array(0), key) },
    { name: 'inside-null.json', data: sealRaw(utf8('null'), key) },
    {
      name: 'inside-other-format.json',
      data: sealRaw(utf8(JSON.stringify({ format: 'airlock-vault', version: 3, content: {} })), key),
    },
    {
      name: 'inside-other-version.json',
      data: sealRaw(utf8(JSON.stringify({ format: 'airlock-backup', version: 2, content: {} })), key),
    },
    { name: 'content-null.json', data: sealFixed(null, key) },
    { name: 'content-string.json', data: sealFixed('identities', key) },
    { name: 'content-empty-object.json', data: sealFixed({}, key) },
    { name: 'content-lists-are-objects.json', data: sealFixed({ identities: {}, accounts: {}, addresses: {} }, key) },
    {
      name: 'content-of-a-vault.json',
      data: sealFixed({ identities: [], accounts: [], addresses: [] }, key, { format: 'airlock-vault' }),
    },
  ];
}

/**
 * A ciphertext of 250 MB, under the 256 MiB a backup may have: refused or read, within the
 * memory bound either way. Written in pieces, so the test itself holds little of it.
 */
async function hugeCiphertext(dir: string, sound: string): Promise<HostileInput> {
  const name = 'ciphertext-250MB.json';
  const path = join(dir, name);
  const [head] = sound.split('"ciphertext": "');
  const file = await openFile(path, 'w');
  try {
    await file.write(`${head}"ciphertext": "`);
    const chunk = 'QUFB'.repeat(1024 * 1024); // 4 MiB of base64
    for (let written = 0; written < 250_000_000; written += chunk.length) await file.write(chunk);
    await file.write('"\n}\n');
  } finally {
    await file.close();
  }
  return { kind: 'airlock backup', name, path, expect: 'refused', commands: ['import'] };
}

function edited(text: string, name: string, edit: Edit): Sample {
  const envelope = JSON.parse(text) as Json;
  edit(envelope);
  return { name, data: `${JSON.stringify(envelope, null, 2)}\n` };
}

const kdf = (envelope: Json) => envelope.kdf as Json;

/** Whether two texts are the same envelope to a reader: the same JSON, the same bytes behind each base64 field. */
function sameEnvelope(a: string, b: string): boolean {
  try {
    return isDeepStrictEqual(normalised(JSON.parse(a) as Json), normalised(JSON.parse(b) as Json));
  } catch {
    return false;
  }
}

function normalised(envelope: Json): unknown {
  const bytes = (value: unknown) =>
    typeof value === 'string' && /^[A-Za-z0-9+/]*={0,2}$/u.test(value)
      ? Buffer.from(value, 'base64').toString('hex')
      : { raw: value };
  const k = { ...(envelope.kdf as Json) };
  const cipher = { ...(envelope.cipher as Json) };
  return {
    ...envelope,
    kdf: { ...k, salt: bytes(k.salt), check: bytes(k.check) },
    cipher: { ...cipher, nonce: bytes(cipher.nonce) },
    ciphertext: bytes(envelope.ciphertext),
  };
}
