import { describe, expect, it } from 'vitest';
import type { LedgerAddress } from '../../../src/ledger/polkadot-app.js';
import {
  checkRecoverForm,
  firstRecoverProblem,
  initialLedgerRecover,
  ledgerRecoverReducer,
  type LedgerRecoverAction,
  type LedgerRecoverState,
} from '../../../src/screens/ledger/ledger-recover-state.js';
import { emptyVaultData } from '../../../src/vault/model.js';
import { findNetwork } from '../../../src/vault/networks.js';

const address = (account: number): LedgerAddress => ({
  account,
  index: 0,
  path: `m/44'/354'/${account}'/0'/0'`,
  publicKey: `0x${'22'.repeat(32)}`,
  address: `5Addr${account}`,
});
const SETTINGS = { accounts: 2, network: findNetwork('polkadot'), name: 'lost' };
const run = (state: LedgerRecoverState, ...actions: LedgerRecoverAction[]) =>
  actions.reduce(ledgerRecoverReducer, state);
const edit = (text: string): LedgerRecoverAction => ({
  type: 'form',
  action: { type: 'edit', edit: { type: 'insert', text } },
});
const to = (field: 'accounts' | 'network' | 'name'): LedgerRecoverAction => ({
  type: 'form',
  action: { type: 'focus', field },
});

describe('recovering a Ledger: the steps', () => {
  const start = initialLedgerRecover('substrate', 10);
  const details = run(start, { type: 'go-on' }, { type: 'words-done' });

  it('begins with the warning, and goes on to the words only when confirmed', () => {
    expect(start.step).toBe('warning');
    expect(run(start, { type: 'words-done' })).toEqual(start);
    expect(run(start, { type: 'go-on' }).step).toBe('words');
    expect(details.step).toBe('details');
    expect(run(details, { type: 'back' }, { type: 'back' }).step).toBe('warning');
  });

  it('derives with progress, drops an abandoned derivation, then shows the addresses to save', () => {
    const deriving = run(details, { type: 'derive', settings: SETTINGS });
    const { attempt } = deriving;
    const half = run(deriving, { type: 'found', attempt, address: address(0) });
    expect(half.found).toHaveLength(1);
    const stopped = run(half, { type: 'back' });
    expect(stopped).toMatchObject({ step: 'details', found: [], problem: 'Stopped: nothing was saved.' });
    expect(run(stopped, { type: 'derived', attempt, found: [address(0), address(1)] })).toEqual(stopped);

    const review = run(
      deriving,
      { type: 'derived', attempt, found: [address(0), address(1)] },
      { type: 'move', move: 'last' },
    );
    expect(review).toMatchObject({ step: 'review', list: { cursor: 1, count: 2 } });
    const saving = run(review, { type: 'save' });
    expect(saving.step).toBe('saving');
    expect(run(saving, { type: 'back' })).toEqual(saving);
    expect(run(saving, { type: 'save-failed', problem: 'Already in the vault.' })).toMatchObject({
      step: 'review',
      problem: 'Already in the vault.',
    });
  });

  it('a derivation that fails says why on the form', () => {
    const deriving = run(details, { type: 'derive', settings: SETTINGS });
    expect(run(deriving, { type: 'failed', attempt: deriving.attempt, problem: 'Bad path.' })).toMatchObject({
      step: 'details',
      problem: 'Bad path.',
    });
  });
});

describe('recovering a Ledger: the form', () => {
  const data = emptyVaultData();
  const form = run(initialLedgerRecover('kusama', 10), { type: 'go-on' }, { type: 'words-done' }).form;

  it('starts on the passphrase, 5 accounts and the default network; the name is asked for', () => {
    expect(form.focus).toBe('passphrase');
    expect(form.values).toMatchObject({ passphrase: '', accounts: '5', network: 'kusama', name: '' });
    expect(checkRecoverForm(form, data).settings).toBeUndefined();
    expect(firstRecoverProblem(form, data)).toBe('name');
  });

  it('turns valid fields into settings, the passphrase left out of them', () => {
    const filled = run(
      { ...initialLedgerRecover('kusama', 10), step: 'details', form },
      edit('secret words'),
      to('name'),
      edit(' lost '),
    );
    expect(checkRecoverForm(filled.form, data).settings).toEqual({
      accounts: 5,
      network: findNetwork('kusama'),
      name: 'lost',
    });
    const wrong = run(filled, to('accounts'), edit('x'));
    expect(checkRecoverForm(wrong.form, data).problems).toEqual({
      accounts: 'The number of accounts must be a whole number from 1 to 1000, not "5x"',
    });
  });
});
