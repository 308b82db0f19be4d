import { scryptSync } from 'node:crypto';
import { scryptEncode } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';
import { ALLOWED_SCRYPT, DEFAULT_SCRYPT, deriveKey, isAllowedScrypt, scrypt64 } from '../../src/vault/kdf.js';

describe('scrypt', () => {
  it('gives the bytes polkadot.js gives for the same parameters', async () => {
    const salt = new Uint8Array(32).map((_, i) => i);
    const password = new Uint8Array(Buffer.from('polkadot.js password'));
    const params = { N: 1 << 15, r: 8, p: 1 };
    const ours = await scrypt64(password, salt, params);
    const theirs = scryptEncode(password, salt, params, true).password;
    expect(Buffer.from(ours).toString('hex')).toBe(Buffer.from(theirs).toString('hex'));
  });

  it('keeps the event loop running while it works', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    await deriveKey(new Uint8Array([1, 2, 3]), new Uint8Array(32), DEFAULT_SCRYPT);
    const elapsed = performance.now() - started;
    clearInterval(timer);
    // A blocked loop would tick once at most; a free one about every 5 ms.
    expect(ticks).toBeGreaterThan(elapsed / 5 / 4);
  });

  it('writes a cost every polkadot.js reads, and accepts only listed ones', () => {
    expect(isAllowedScrypt(DEFAULT_SCRYPT)).toBe(true);
    expect(isAllowedScrypt({ N: 1 << 15, r: 8, p: 1 })).toBe(true);
    expect(isAllowedScrypt({ N: 1 << 21, r: 8, p: 1 })).toBe(false);
    expect(isAllowedScrypt({ N: 1 << 15, r: 1, p: 1 })).toBe(false);
    expect(() => scrypt64(new Uint8Array(1), new Uint8Array(32), { N: 1 << 24, r: 8, p: 1 })).toThrow(
      /does not accept/,
    );
    // Memory stays bounded for every allowed entry.
    for (const { N, r, p } of ALLOWED_SCRYPT) expect(128 * N * r * p).toBeLessThanOrEqual(1 << 30);
  });

  it('splits one output into an encryption key and an independent check', async () => {
    const salt = new Uint8Array(32).fill(9);
    const { key, check } = await deriveKey(new Uint8Array([7]), salt, { N: 1 << 14, r: 8, p: 5 });
    const raw = scryptSync(new Uint8Array([7]), salt, 64, { N: 1 << 14, r: 8, p: 5, maxmem: 1 << 30 });
    expect(Buffer.from(key).equals(raw.subarray(0, 32))).toBe(true);
    expect(Buffer.from(check).includes(raw.subarray(32, 40))).toBe(false);
  });
});
