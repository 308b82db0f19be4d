/** Vault version 3 (a Ledger passphrase on mnemonic identities): older vaults still open, the passphrase is kept and used. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerPublicKey } from '../../src/ledger/derive.js';
import { ledgerPath } from '../../src/ledger/paths.js';
import * as actions from '../../src/vault/actions.js';
import { createKey, seal, wipeKey } from '../../src/vault/envelope.js';
import { VAULT_VERSION } from '../../src/vault/model.js';
import { VaultSession } from '../../src/vault/store.js';
import vectors from '../fixtures/ledger-hd-vectors.json' with { type: 'json' };
import { FAST_SCRYPT, openTestVault, TEST_PASSWORD } from '../helpers/vault.js';

const PASSWORD = new TextEncoder().encode(TEST_PASSWORD);
const hex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString('hex')}`;

describe('vault version 3', () => {
  it('is the version written now', () => expect(VAULT_VERSION).toBe(3));

  it('still opens a version 2 vault, whose identities have no passphrase', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'airlock-v2-'));
    const identity = {
      id: '00000000000000aa',
      name: 'old',
      kind: 'mnemonic',
      mnemonic: vectors.mnemonics.MNE_0,
      createdAt: '2024-01-01T00:00:00.000Z',
    };
    const data = { identities: [identity], accounts: [], addresses: [], settings: { defaultNetwork: 'substrate' } };
    const key = await createKey(PASSWORD, FAST_SCRYPT);
    await writeFile(join(folder, 'vault.json'), seal('airlock-vault', 2, data, key));
    wipeKey(key);
    const vault = await VaultSession.unlock(join(folder, 'vault.json'), PASSWORD);
    try {
      expect(vault.data.identities).toEqual([identity]);
      // And it derives Ledger accounts like any mnemonic identity.
      const account = await actions.deriveAccount(vault, {
        identity: 'old',
        name: 'l0',
        type: 'ed25519',
        path: ledgerPath(0),
      });
      expect(account.publicKey).toBe(hex(ledgerPublicKey(vectors.mnemonics.MNE_0, ledgerPath(0))));
    } finally {
      vault.close();
    }
  });

  it('keeps a recovered Ledger passphrase, which later derivations use', async () => {
    const session = await openTestVault();
    const words = vectors.mnemonics.MNE_1;
    const path0 = ledgerPath(0);
    const publicKey = hex(ledgerPublicKey(words, path0, new TextEncoder().encode('testing')));
    await actions.saveRecoveredLedgerIdentity(session, 'nano', { phrase: words, passphrase: 'testing' }, [
      { name: 'nano-0', path: path0, publicKey, network: 'polkadot' },
    ]);
    const reopened = await VaultSession.unlock(session.path, PASSWORD);
    try {
      expect(reopened.data.identities[0]).toMatchObject({ kind: 'mnemonic', passphrase: 'testing' });
      const next = await actions.deriveAccount(reopened, {
        identity: 'nano',
        name: 'nano-1',
        type: 'ed25519',
        path: ledgerPath(1),
      });
      expect(next.publicKey).toBe(hex(ledgerPublicKey(words, ledgerPath(1), new TextEncoder().encode('testing'))));
      await expect(
        actions.deriveAccount(reopened, { identity: 'nano', name: 'x', type: 'sr25519', path: '//0' }),
      ).rejects.toThrow(/derives Ledger keys only/);
      // The same words without the passphrase are another wallet, so they may be added too.
      await actions.saveRecoveredLedgerIdentity(reopened, 'plain', { phrase: words }, []);
      await expect(
        actions.saveRecoveredLedgerIdentity(reopened, 'again', { phrase: words, passphrase: 'testing' }, []),
      ).rejects.toThrow(/already in the vault as identity "nano"/);
    } finally {
      reopened.close();
      session.close();
    }
  });
});
