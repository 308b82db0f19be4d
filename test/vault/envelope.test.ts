import { describe, expect, it } from 'vitest';
import { DamagedFileError, WrongPasswordError } from '../../src/errors.js';
import { createKey, open, paddedLength, parseEnvelope, seal, unlockKey } from '../../src/vault/envelope.js';

const password = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
// The cheapest allow-listed cost keeps these tests quick; the vault default is tested below.
const FAST = { N: 1 << 14, r: 8, p: 5 };

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

    const json = JSON.parse(text);
    const bytes = Buffer.from(json.ciphertext, 'base64');
    bytes[100] = bytes[100]! ^ 0x01;
    json.ciphertext = bytes.toString('base64');
    const flipped = parseEnvelope(JSON.stringify(json), 'airlock-test', 'test file');
    const rightKey = await unlockKey(flipped, password('hunter22'), 'test file');
    expect(() => open(flipped, rightKey, 'test file')).toThrow(DamagedFileError);
  });

  it('binds the header to the contents', async () => {
    const key = await createKey(password('hunter22'), FAST);
    const json = JSON.parse(seal('airlock-test', 1, {}, key));
    json.version = 2;
    const envelope = parseEnvelope(JSON.stringify(json), 'airlock-test', 'test file');
    expect(() => open(envelope, key, 'test file')).toThrow(/header does not match/);
  });

  it('refuses scrypt parameters outside the allow-list before deriving anything', async () => {
    const key = await createKey(password('hunter22'), FAST);
    const json = JSON.parse(seal('airlock-test', 1, {}, key));
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
