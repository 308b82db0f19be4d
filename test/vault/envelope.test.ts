import { describe, expect, it } from 'vitest';
import { DamagedFileError, WrongPasswordError } from '../../src/errors.js';
import {
  createKey,
  open,
  paddedLength,
  parseEnvelope,
  seal,
  unlockKey,
  type EnvelopeJson,
} from '../../src/vault/envelope.js';
import { secretboxSeal } from '../../src/vault/secretbox.js';

const password = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
// The cheapest allow-listed cost keeps these tests quick; the vault default is tested below.
const FAST = { N: 1 << 14, r: 8, p: 5 };
/** A sealed file's JSON, to edit as an attacker or a failing disk would. */
const sealedJson = (text: string) => JSON.parse(text) as EnvelopeJson;
// Loose on purpose: the edits write values of types the file must not hold.
type Damageable = Record<string, unknown> & { kdf: Record<string, unknown> };

describe('envelope', () => {
  it('round-trips content and reveals nothing of it outside the ciphertext', async () => {
    const key = await createKey(password('hunter22'), FAST);
    const content = { names: ['treasury-cold'], n: 3 };
    const text = seal('airlock-test', 1, content, key);
    expect(text).not.toContain('treasury');
    const envelope = parseEnvelope(text, 'airlock-test', 'test file');
    const reopened = await unlockKey(envelope, password('hunter22'), 'test file');
    expect(open(envelope, reopened, 'test file')).toEqual(content);
  });

  it('tells a wrong password apart from a damaged file', async () => {
    const key = await createKey(password('hunter22'), FAST);
    const text = seal('airlock-test', 1, { a: 1 }, key);
    const envelope = parseEnvelope(text, 'airlock-test', 'test file');
    await expect(unlockKey(envelope, password('hunter23'), 'test file')).rejects.toBeInstanceOf(WrongPasswordError);

    const json = sealedJson(text);
    const bytes = Buffer.from(json.ciphertext, 'base64');
    bytes[100] = bytes[100]! ^ 0x01;
    json.ciphertext = bytes.toString('base64');
    const flipped = parseEnvelope(JSON.stringify(json), 'airlock-test', 'test file');
    const rightKey = await unlockKey(flipped, password('hunter22'), 'test file');
    expect(() => open(flipped, rightKey, 'test file')).toThrow(DamagedFileError);
  });

  it('binds the header to the contents', async () => {
    const key = await createKey(password('hunter22'), FAST);
    const json = sealedJson(seal('airlock-test', 1, {}, key));
    json.version = 2;
    const envelope = parseEnvelope(JSON.stringify(json), 'airlock-test', 'test file');
    expect(() => open(envelope, key, 'test file')).toThrow(/header does not match/);
  });

  it('refuses an authentic ciphertext that holds no airlock document, as damaged', async () => {
    const key = await createKey(password('hunter22'), FAST);
    const json = sealedJson(seal('airlock-test', 1, {}, key));
    const nonce = new Uint8Array(Buffer.from(json.cipher.nonce, 'base64'));
    // Sealed with the right key, as someone holding the password could: not JSON, not UTF-8, empty, null.
    for (const inside of [
      Buffer.from('not json'),
      Buffer.from([0xff, 0xfe, 0x00]),
      Buffer.alloc(0),
      Buffer.from('null'),
    ]) {
      json.ciphertext = Buffer.from(secretboxSeal(new Uint8Array(inside), key.key, nonce)).toString('base64');
      const envelope = parseEnvelope(JSON.stringify(json), 'airlock-test', 'test file');
      expect(() => open(envelope, key, 'test file')).toThrow(
        /^test file is damaged: what it holds is not an airlock document$/,
      );
    }
  });

  it('refuses scrypt parameters outside the allow-list before deriving anything', async () => {
    const key = await createKey(password('hunter22'), FAST);
    const json = sealedJson(seal('airlock-test', 1, {}, key));
    json.kdf.N = 2 ** 30;
    const envelope = parseEnvelope(JSON.stringify(json), 'airlock-test', 'test file');
    const started = performance.now();
    await expect(unlockKey(envelope, password('hunter22'), 'test file')).rejects.toThrow(/does not accept/);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it.each([
    ['not JSON', '{"format": "airlock-test", "vers', /not complete JSON/],
    ['another format', '{"format": "something-else"}', /not an airlock-test file/],
    ['a missing field', '{"format": "airlock-test", "version": 1}', /damaged/],
  ])('rejects %s with a plain message', (_what, text, message) => {
    expect(() => parseEnvelope(text, 'airlock-test', 'test file')).toThrow(message);
  });

  it('says what is wrong in a sentence, with the cure for the kind of file it is', async () => {
    const json = sealedJson(seal('airlock-vault', 1, {}, await createKey(password('hunter22'), FAST)));
    const fault = (format: string, edit: (j: Damageable) => void) => {
      const copy: Damageable = structuredClone({ ...json, format });
      edit(copy);
      try {
        parseEnvelope(JSON.stringify(copy), format, 'the file');
      } catch (error) {
        return [(error as DamagedFileError).message, (error as DamagedFileError).hint];
      }
      throw new Error('expected a refusal');
    };
    expect(fault('airlock-vault', (j) => delete j.version)).toEqual([
      'the file is damaged: its version is missing',
      'restore it from a backup',
    ]);
    expect(fault('airlock-backup', (j) => (j.kdf.salt = 'AAAA'))).toEqual([
      'the file is damaged: its kdf.salt must be 32 bytes',
      'copy it again from the medium it came from, or use another copy of this backup',
    ]);
    expect(fault('airlock-backup', (j) => (j.kdf.N = '32768'))[0]).toBe(
      'the file is damaged: its kdf.N must be a number',
    );
    expect(fault('airlock-backup', (j) => (j.kdf.name = 'argon2'))[0]).toBe(
      'the file is damaged: its kdf.name must be "scrypt"',
    );
    expect(fault('airlock-backup', (j) => (j.version = 0))[0]).toBe(
      'the file is damaged: its version must be more than 0',
    );
  });

  it('checks megabytes of base64 in one pass, without a regular expression that overflows the stack', () => {
    const base = sealedJson(
      seal(
        'airlock-test',
        1,
        {},
        { params: FAST, salt: new Uint8Array(32), key: new Uint8Array(32), check: new Uint8Array(32) },
      ),
    );
    const huge = (ciphertext: string) => JSON.stringify({ ...base, ciphertext });
    expect(parseEnvelope(huge('QUJD'.repeat(2 << 20)), 'airlock-test', 'test file').ciphertext).toHaveLength(6 << 20);
    expect(() => parseEnvelope(huge(`${'QUJD'.repeat(2 << 20)}*`), 'airlock-test', 'test file')).toThrow(
      'test file is damaged: its ciphertext is not base64',
    );
  });

  it('pads so that the size says little about the contents', () => {
    expect(paddedLength(10)).toBe(4096);
    expect(paddedLength(4096)).toBe(4096);
    for (const length of [5000, 70_000, 1_234_567, 3_000_000]) {
      const padded = paddedLength(length);
      expect(padded).toBeGreaterThanOrEqual(length);
      expect(padded / length).toBeLessThan(1.12); // Padmé's bound on overhead
    }
    // Nearby sizes share one padded length.
    expect(paddedLength(1_000_000)).toBe(paddedLength(1_010_000));
  });
});
