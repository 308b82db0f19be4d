import { xsalsa20poly1305 } from '@noble/ciphers/salsa.js';

/**
 * NaCl's secretbox (xsalsa20-poly1305: the Poly1305 tag, then the ciphertext), as the vault,
 * airlock backups and polkadot.js key files use it. @noble/ciphers writes the same bytes as
 * the tweetnacl port in @polkadot/util-crypto, about ten times faster: a 10,000-account
 * vault is megabytes, sealed on every change.
 */
export function secretboxSeal(plain: Uint8Array, key: Uint8Array, nonce: Uint8Array): Uint8Array {
  return xsalsa20poly1305(key, nonce).encrypt(plain);
}

/** The plaintext, or undefined when the box does not open: a wrong key or altered bytes. */
export function secretboxOpen(sealed: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array | undefined {
  try {
    return xsalsa20poly1305(key, nonce).decrypt(sealed);
  } catch {
    return undefined;
  }
}
