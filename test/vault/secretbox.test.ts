/** The secretbox airlock seals with is NaCl's, byte for byte: polkadot.js's tweetnacl port opens it and the other way round. */
import { randomBytes } from 'node:crypto';
import { naclDecrypt } from '@polkadot/util-crypto/nacl/decrypt';
import { naclEncrypt } from '@polkadot/util-crypto/nacl/encrypt';
import { describe, expect, it } from 'vitest';
import { secretboxOpen, secretboxSeal } from '../../src/vault/secretbox.js';

const bytes = (length: number) => new Uint8Array(randomBytes(length));

describe('secretbox', () => {
  it.each([0, 1, 15, 16, 17, 63, 64, 65, 4096, 100_003])(
    '%i bytes: the same box as polkadot.js seals, opened both ways',
    (length) => {
      const [plain, key, nonce] = [bytes(length), bytes(32), bytes(24)];
      const ours = secretboxSeal(plain, key, nonce);
      const theirs = naclEncrypt(plain, key, nonce).encrypted;
      expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
      expect(Buffer.from(naclDecrypt(ours, nonce, key)!).equals(Buffer.from(plain))).toBe(true);
      expect(Buffer.from(secretboxOpen(theirs, nonce, key)!).equals(Buffer.from(plain))).toBe(true);
    },
  );

  it('does not open with another key or nonce, or with one bit of the box flipped', () => {
    const [plain, key, nonce] = [bytes(300), bytes(32), bytes(24)];
    const box = secretboxSeal(plain, key, nonce);
    expect(secretboxOpen(box, nonce, bytes(32))).toBeUndefined();
    expect(secretboxOpen(box, bytes(24), key)).toBeUndefined();
    for (const at of [0, 15, 16, box.length - 1]) {
      const flipped = box.slice();
      flipped[at]! ^= 0x01;
      expect(secretboxOpen(flipped, nonce, key)).toBeUndefined();
    }
    expect(secretboxOpen(box.subarray(0, 10), nonce, key)).toBeUndefined();
  });
});
