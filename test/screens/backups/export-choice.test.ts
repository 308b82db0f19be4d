import { describe, expect, it } from 'vitest';
import {
  cycleFormat,
  cycleWhat,
  exportRequest,
  exportSummary,
  planExport,
  type ExportChoice,
} from '../../../src/screens/backups/export-choice.js';
import type { Account, VaultData } from '../../../src/vault/model.js';

const account = (name: string, publicKey: string): Account => ({
  name,
  identity: 'id-1',
  type: 'sr25519',
  path: `//${name}`,
  publicKey,
  network: 'substrate',
  createdAt: '2025-01-02T03:04:05.000Z',
});
const DATA = {
  identities: [{ id: 'id-1', name: 'dev', kind: 'mnemonic', mnemonic: 'words', createdAt: '2025-01-02T03:04:05.000Z' }],
  accounts: [account('alice', '0xaa'), account('bob', '0xbb'), account('charlie', '0xcc')],
  addresses: [],
} as unknown as VaultData;
const choice = (what: ExportChoice['what'], format: ExportChoice['format'], ...keys: string[]): ExportChoice => ({
  what,
  format,
  chosen: new Set(keys),
});
const summary = (c: ExportChoice) => exportSummary(DATA, c, planExport(DATA, c));

describe('what an export writes, in words', () => {
  it('cycles both ways through the formats and the two kinds of what', () => {
    expect(cycleFormat('airlock', 1)).toBe('polkadot-js');
    expect(cycleFormat('polkadot-js-batch', 1)).toBe('airlock');
    expect(cycleFormat('airlock', -1)).toBe('polkadot-js-batch');
    expect(cycleWhat('whole', 1)).toBe('chosen');
    expect(cycleWhat('chosen', 1)).toBe('whole');
  });

  it('names the marked accounts in the vault order, and none for the whole vault', () => {
    expect(exportRequest(DATA, choice('whole', 'airlock', '0xaa'))).toEqual({ format: 'airlock' });
    expect(exportRequest(DATA, choice('chosen', 'polkadot-js-batch', '0xcc', '0xaa'))).toEqual({
      format: 'polkadot-js-batch',
      accounts: ['alice', 'charlie'],
    });
  });

  it('says what each choice writes', () => {
    expect(summary(choice('whole', 'airlock'))).toBe('The whole vault: 1 identity, 3 accounts, 0 addresses.');
    expect(summary(choice('chosen', 'airlock', '0xbb'))).toBe(
      '1 account (bob) and the 1 identity they come from, secrets included; no address book.',
    );
    expect(summary(choice('chosen', 'polkadot-js', '0xbb'))).toBe('A polkadot.js account file of 1 account (bob).');
    expect(summary(choice('whole', 'polkadot-js-batch'))).toBe(
      'A polkadot.js "export all accounts" file of 3 accounts (alice, bob, charlie).',
    );
  });

  it('refuses what accountsToExport refuses, at the field to change, in the words of the screen', () => {
    const two = planExport(DATA, choice('chosen', 'polkadot-js', '0xaa', '0xbb'));
    expect(two).toMatchObject({ ok: false, field: 'what', reason: 'a polkadot.js account file holds one account' });
    expect(!two.ok && two.text).toBe(
      'A polkadot.js account file holds one account. Mark one account under What, or choose "export all accounts".',
    );
    expect(planExport(DATA, choice('whole', 'polkadot-js'))).toMatchObject({ ok: false, field: 'format' });
    expect(summary(choice('whole', 'polkadot-js'))).toBe('Cannot write: a polkadot.js account file holds one account.');
  });

  it('refuses chosen accounts with none marked, which would otherwise mean all of them', () => {
    expect(planExport(DATA, choice('chosen', 'polkadot-js-batch'))).toMatchObject({
      ok: false,
      field: 'what',
      reason: 'no account is marked',
    });
    const empty = { ...DATA, accounts: [] };
    expect(planExport(empty, choice('whole', 'polkadot-js-batch'))).toMatchObject({
      ok: false,
      reason: 'there are no accounts to export',
    });
    expect(planExport(empty, choice('whole', 'airlock'))).toMatchObject({ ok: true, accounts: [] });
  });
});
