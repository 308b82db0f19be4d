import { mnemonicToLegacySeed } from '@polkadot/util-crypto';
import { describe, expect, it } from 'vitest';
import bip39 from '../fixtures/bip39-vectors.json' with { type: 'json' };
import substrate from '../fixtures/substrate-known-answers.json' with { type: 'json' };
import { addressOf, derivePublicKey, type KeyType } from '../../src/vault/keys.js';
import { checkMnemonic } from '../../src/vault/mnemonic.js';
import { findNetwork } from '../../src/vault/networks.js';

interface Vector {
  suri: string;
  path: string;
  type: KeyType;
  publicKey: string;
  addresses?: Record<string, string>;
  address?: string;
}

// airlock identities hold BIP39 phrases; vectors from raw hex seeds do not apply to them.
const fromPhrases = (substrate.vectors as Vector[]).filter((v) => !v.suri.startsWith('0x'));
const hex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString('hex')}`;

describe('published Substrate and Ethereum vectors', () => {
  it('covers every key type', () => {
    expect(new Set(fromPhrases.map((v) => v.type))).toEqual(new Set(['sr25519', 'ed25519', 'ecdsa', 'ethereum']));
  });

  it.each(fromPhrases.map((v) => [`${v.type} ${v.suri.split(' ')[0]}… ${v.path || '(root)'}`, v] as const))(
    '%s',
    async (_name, vector) => {
      const publicKey = await derivePublicKey(checkMnemonic(vector.suri), vector.path, vector.type);
      expect(hex(publicKey)).toBe(vector.publicKey);
      if (vector.address) expect(addressOf(publicKey, vector.type, 42)).toBe(vector.address);
      for (const [network, address] of Object.entries(vector.addresses ?? {})) {
        expect(addressOf(publicKey, vector.type, findNetwork(network).prefix)).toBe(address);
      }
    },
  );
});

describe('BIP39 reference vectors (Trezor)', () => {
  it.each(bip39.vectors.map((v) => [v.mnemonic.split(' ').slice(0, 3).join(' '), v] as const))(
    '%s… validates and gives the published seed',
    (_name, vector) => {
      expect(checkMnemonic(vector.mnemonic)).toBe(vector.mnemonic);
      // The BIP39 seed is what Ethereum derivation starts from.
      expect(hex(mnemonicToLegacySeed(vector.mnemonic, bip39.passphrase, true, 64))).toBe(
        `0x${vector.seed.replace(/^0x/, '')}`,
      );
    },
  );
});
