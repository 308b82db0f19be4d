import { signatureVerify } from '@polkadot/util-crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as actions from '../../src/vault/actions.js';
import { cannotSign, signWithAccount } from '../../src/vault/signing-key.js';
import type { VaultSession } from '../../src/vault/store.js';
import type { KeyType } from '../../src/vault/key-types.js';
import { ALICE } from '../helpers/dev-keys.js';
import { openTestVault } from '../helpers/vault.js';

const MESSAGE = new TextEncoder().encode('<Bytes>pay the custodian</Bytes>');
const TYPE_BYTE: Record<string, number> = { ed25519: 0, sr25519: 1, ecdsa: 2 };

let session: VaultSession | undefined;
afterEach(() => session?.close());

describe('signing with a vault account', () => {
  it.each(['sr25519', 'ed25519', 'ecdsa'] as KeyType[])(
    "signs as %s, verifiable against the account's key",
    async (type) => {
      session = await openTestVault({ dev: true });
      const account = await actions.deriveAccount(session, {
        identity: 'dev',
        name: `alice-${type}`,
        type,
        path: '//Alice',
      });
      if (type === 'sr25519') expect(account.publicKey).toBe(ALICE.publicKey);
      const typed = await signWithAccount(session.data, account, MESSAGE, true);
      expect(typed[0]).toBe(TYPE_BYTE[type]);
      const verdict = signatureVerify(MESSAGE, typed, account.publicKey);
      expect(verdict.isValid).toBe(true);
      expect(verdict.crypto).toBe(type);
      const bare = await signWithAccount(session.data, account, MESSAGE, false);
      expect(bare.length).toBe(type === 'ecdsa' ? 65 : 64);
      expect(signatureVerify(MESSAGE, bare, account.publicKey).isValid).toBe(true);
    },
  );

  it('refuses a Ledger account, saying to sign on the device', async () => {
    session = await openTestVault();
    const { accounts } = await actions.saveLedgerIdentity(session, 'nano', [
      { name: 'ledger 0', path: "m/44'/354'/0'/0'/0'", publicKey: ALICE.publicKey, network: 'polkadot' },
    ]);
    const refusal = cannotSign(session.data, accounts[0]!);
    expect(refusal?.message).toContain('is a Ledger account');
    expect(refusal?.hint).toContain('sign on the Ledger');
    await expect(signWithAccount(session.data, accounts[0]!, MESSAGE, true)).rejects.toThrow('is a Ledger account');
  });
});
