/** Offline Ledger derivation against the published hdLedger known answers (test/fixtures/ledger-hd-vectors.json). */
import { hdLedger } from '@polkadot/util-crypto/hd/ledger';
import { ed25519PairFromSeed } from '@polkadot/util-crypto/ed25519/pair/fromSeed';
import { describe, expect, it } from 'vitest';
import { ledgerKeyPair, ledgerPublicKey } from '../../src/ledger/derive.js';
import { ledgerPath } from '../../src/ledger/paths.js';
import { recoverLedgerAddresses } from '../../src/ledger/recover.js';
import { derivePublicKey } from '../../src/vault/keys.js';
import vectors from '../fixtures/ledger-hd-vectors.json' with { type: 'json' };

const hex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString('hex')}`;
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const phraseOf = (name: string) => vectors.mnemonics[name as keyof typeof vectors.mnemonics];

describe('Ledger derivation (hdLedger known answers)', () => {
  for (const v of vectors.vectors) {
    const path = `m/44'/${v.slip44}'/${v.account}'/0'/${v.address}'`;
    const label = `${v.network} ${v.mnemonic}${v.passphrase ? ` + "${v.passphrase}"` : ''} at ${path}`;

    it(`gives the published seed: ${label}`, () => {
      const pair = ledgerKeyPair(phraseOf(v.mnemonic), path, v.passphrase ? utf8(v.passphrase) : undefined);
      expect(hex(pair.secretKey.slice(0, 32))).toBe(v.seed);
      expect(hex(pair.publicKey)).toBe(hex(ed25519PairFromSeed(Buffer.from(v.seed.slice(2), 'hex')).publicKey));
    });

    it(`agrees with hdLedger itself and with account derivation: ${label}`, () => {
      const words = v.passphrase ? `${phraseOf(v.mnemonic)} ${v.passphrase}` : phraseOf(v.mnemonic);
      const expected = hex(hdLedger(words, path).publicKey);
      expect(hex(ledgerPublicKey(phraseOf(v.mnemonic), path, v.passphrase ? utf8(v.passphrase) : undefined))).toBe(
        expected,
      );
      return expect(
        derivePublicKey(phraseOf(v.mnemonic), path, 'ed25519', v.passphrase || undefined).then(hex),
      ).resolves.toBe(expected);
    });
  }

  it('takes a passphrase of several words, which hdLedger cannot (its 25th word is one word)', () => {
    const path = ledgerPath(0);
    const spaced = ledgerPublicKey(vectors.mnemonics.MNE_1, path, utf8('two words'));
    expect(hex(spaced)).not.toBe(hex(ledgerPublicKey(vectors.mnemonics.MNE_1, path, utf8('two'))));
    expect(hex(spaced)).not.toBe(hex(ledgerPublicKey(vectors.mnemonics.MNE_1, path)));
  });

  it("recovers accounts 0..N-1 at m/44'/354'/n'/0'/i' encoded for the chosen network", () => {
    const found = recoverLedgerAddresses({ phrase: vectors.mnemonics.MNE_0, accounts: 3, index: 2, ss58Prefix: 0 });
    expect(found.map((f) => f.path)).toEqual(["m/44'/354'/0'/0'/2'", "m/44'/354'/1'/0'/2'", "m/44'/354'/2'/0'/2'"]);
    for (const f of found) {
      expect(f.publicKey).toBe(hex(hdLedger(vectors.mnemonics.MNE_0, f.path).publicKey));
      expect(f.address).toMatch(/^1/u); // Polkadot (prefix 0) addresses start with 1
    }
  });

  it('refuses paths a Ledger does not derive, and a passphrase on Substrate paths', async () => {
    expect(() => ledgerPublicKey(vectors.mnemonics.MNE_0, "m/44'/354'/0'/0/0")).toThrow(/not a Ledger path/);
    await expect(derivePublicKey(vectors.mnemonics.MNE_0, '//Alice', 'ed25519', 'x')).rejects.toThrow(
      /derives Ledger keys only/,
    );
  });
});
