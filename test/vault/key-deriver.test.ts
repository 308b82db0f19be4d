import { describe, expect, it } from 'vitest';
import { createKeyDeriver } from '../../src/vault/key-deriver.js';
import { derivePublicKey, type KeyType } from '../../src/vault/keys.js';
import { ALICE, DEV_PHRASE } from '../helpers/dev-keys.js';

const hex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString('hex')}`;

const CASES: [KeyType, string][] = [
  ['sr25519', ''],
  ['sr25519', '//Alice'],
  ['sr25519', '//polkadot/soft//0'],
  // Junctions shared with paths above: the keys kept for them must be the right ones.
  ['sr25519', '//polkadot//1'],
  ['sr25519', '//polkadot/soft//1'],
  ['sr25519', '//polkadot/soft'],
  ['sr25519', '//Alice///secret'],
  ['sr25519', '//Bob///secret'],
  ['ed25519', ''],
  ['ed25519', '//Alice'],
  ['ed25519', '//0///other'],
  ['ed25519', '//0//1'],
  ['ecdsa', '//Alice//1'],
  ['ecdsa', ''],
  ['ecdsa', '//Alice'],
  ['ethereum', "m/44'/60'/0'/0/0"],
  ['ethereum', "m/44'/60'/0'/0/7"],
  ['ed25519', "m/44'/354'/0'/0'/0'"],
  ['ed25519', "m/44'/354'/3'/0'/9'"],
];

describe('createKeyDeriver', () => {
  it('gives the keys derivePublicKey gives, for every key type, password and path form', async () => {
    const deriver = await createKeyDeriver(DEV_PHRASE);
    try {
      for (const [type, path] of CASES) {
        expect(hex(deriver.publicKeyAt(path, type)), `${type} ${path}`).toBe(
          hex(await derivePublicKey(DEV_PHRASE, path, type)),
        );
      }
      expect(hex(deriver.publicKeyAt('//Alice', 'sr25519'))).toBe(ALICE.publicKey);
    } finally {
      deriver.wipe();
    }
  });

  it('derives Ledger paths with a passphrase, and nothing else with one', async () => {
    const deriver = await createKeyDeriver(DEV_PHRASE, 'a passphrase with spaces');
    const path = "m/44'/354'/1'/0'/2'";
    expect(hex(deriver.publicKeyAt(path, 'ed25519'))).toBe(
      hex(await derivePublicKey(DEV_PHRASE, path, 'ed25519', 'a passphrase with spaces')),
    );
    expect(() => deriver.publicKeyAt('//Alice', 'sr25519')).toThrow();
    deriver.wipe();
  });
});
