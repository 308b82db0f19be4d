import { describe, expect, it } from 'vitest';
import { planImport } from '../../src/vault/import-plan.js';
import { emptyVaultData, type Account, type Identity, type VaultData } from '../../src/vault/model.js';
import { DEV_PHRASE } from '../helpers/dev-keys.js';

const identity = (id: string, name: string, mnemonic = DEV_PHRASE): Identity => ({
  id,
  name,
  kind: 'mnemonic',
  mnemonic,
  createdAt: 't',
});
const account = (name: string, identityId: string, publicKey: string): Account => ({
  name,
  identity: identityId,
  type: 'sr25519',
  path: '',
  publicKey,
  network: 'substrate',
  createdAt: 't',
});
const vault = (parts: Partial<VaultData>): VaultData => ({ ...emptyVaultData(), ...parts });

describe('planImport', () => {
  it('adds everything to an empty vault as it is', () => {
    const incoming = {
      identities: [identity('aaaaaaaaaaaaaaaa', 'dev')],
      accounts: [account('alice', 'aaaaaaaaaaaaaaaa', '0x01')],
      addresses: [],
    };
    const plan = planImport(emptyVaultData(), incoming);
    expect(plan.entries.every((e) => e.action === 'add' && e.as === undefined)).toBe(true);
    expect(plan.data.accounts).toEqual(incoming.accounts);
  });

  it('skips the same words and the same keys, and moves accounts to the identity already there', () => {
    const here = vault({
      identities: [identity('1111111111111111', 'mine')],
      accounts: [account('alice', '1111111111111111', '0x01')],
    });
    const incoming = {
      identities: [identity('2222222222222222', 'theirs')],
      accounts: [account('alice-again', '2222222222222222', '0x01'), account('bob', '2222222222222222', '0x02')],
      addresses: [],
    };
    const plan = planImport(here, incoming);
    expect(plan.entries).toEqual([
      { kind: 'identity', name: 'theirs', action: 'skip', existing: 'mine' },
      { kind: 'account', name: 'alice-again', action: 'skip', existing: 'alice' },
      { kind: 'account', name: 'bob', action: 'add' },
    ]);
    expect(plan.data.identities).toHaveLength(1);
    expect(plan.data.accounts.find((a) => a.name === 'bob')?.identity).toBe('1111111111111111');
  });

  it('numbers names that are taken, and skips addresses already in the book whatever their case', () => {
    const here = vault({
      identities: [identity('1111111111111111', 'dev', 'other words')],
      addresses: [
        {
          name: 'alith',
          address: '0xf24ff3a9cf04c71dbc94d0b566f7a27b94566cac',
          network: 'substrate',
          note: '',
          createdAt: 't',
        },
      ],
    });
    const incoming = {
      identities: [identity('2222222222222222', 'dev')],
      accounts: [],
      addresses: [
        {
          name: 'x',
          address: '0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac',
          network: 'substrate',
          note: '',
          createdAt: 't',
        },
      ],
    };
    const plan = planImport(here, incoming);
    expect(plan.entries).toEqual([
      { kind: 'identity', name: 'dev', action: 'add', as: 'dev (2)' },
      { kind: 'address', name: 'x', action: 'skip', existing: 'alith' },
    ]);
  });

  it('takes the same words under a Ledger passphrase as another identity', () => {
    const here = vault({ identities: [identity('1111111111111111', 'plain')] });
    const withPassphrase: Identity = {
      id: '2222222222222222',
      name: 'ledger words',
      kind: 'mnemonic',
      mnemonic: DEV_PHRASE,
      passphrase: 'testing',
      createdAt: 't',
    };
    const plan = planImport(here, { identities: [withPassphrase], accounts: [], addresses: [] });
    expect(plan.entries).toEqual([{ kind: 'identity', name: 'ledger words', action: 'add' }]);
  });

  it('plans tens of thousands of entries of one name in linear time, each numbered once', () => {
    const count = 40_000;
    const here = vault({ addresses: [{ name: 'a', address: 'x0', network: 'substrate', note: '', createdAt: 't' }] });
    const addresses = Array.from({ length: count }, (_, i) => ({
      name: 'a',
      address: `x${i + 1}`,
      network: 'substrate',
      note: '',
      createdAt: 't',
    }));
    const accounts = Array.from({ length: count }, (_, i) =>
      account('k', 'aaaaaaaaaaaaaaaa', `0x${i.toString(16).padStart(64, '0')}`),
    );
    const started = performance.now();
    const plan = planImport(here, { identities: [identity('aaaaaaaaaaaaaaaa', 'dev')], accounts, addresses });
    // A search per entry (as before) takes minutes here: 40,000 × 40,000 comparisons, twice.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(plan.data.addresses.map((a) => a.name).slice(0, 3)).toEqual(['a', 'a (2)', 'a (3)']);
    expect(plan.data.addresses.at(-1)!.name).toBe(`a (${count + 1})`);
    expect(new Set(plan.data.accounts.map((a) => a.name)).size).toBe(count);
  });
});
