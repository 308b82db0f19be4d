import { describe, expect, it } from 'vitest';
import type { LedgerAddress } from '../../../src/ledger/polkadot-app.js';
import {
  initialLedgerRecover,
  ledgerRecoverReducer,
  type LedgerRecoverAction,
  type LedgerRecoverState,
} from '../../../src/screens/ledger/ledger-recover-state.js';
import { checkRecoverForm, sendRecoverForm } from '../../../src/screens/ledger/recover-form-state.js';
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
/** The state at `step`, or the test fails saying where it is. */
function at<S extends LedgerRecoverState['step']>(state: LedgerRecoverState, step: S) {
  expect(state.step).toBe(step);
  return state as Extract<LedgerRecoverState, { step: S }>;
}

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
    const deriving = at(run(details, { type: 'derive', settings: SETTINGS, call: 1 }), 'deriving');
    const { call } = deriving;
    const half = run(deriving, { type: 'found', call, address: address(0) });
    expect(at(half, 'deriving').found).toHaveLength(1);
    const stopped = run(half, { type: 'back' });
    expect(stopped).toMatchObject({ step: 'details', problem: 'Stopped: nothing was saved.' });
    expect(stopped).not.toHaveProperty('found');
    expect(run(stopped, { type: 'derived', call, found: [address(0), address(1)] })).toEqual(stopped);
    // A new derivation, then the old one's answer: still dropped.
    const again = run(stopped, { type: 'derive', settings: SETTINGS, call: call + 1 });
    expect(run(again, { type: 'derived', call, found: [address(0)] })).toEqual(again);

    const review = run(
      deriving,
      { type: 'derived', call, found: [address(0), address(1)] },
      { type: 'move', move: 'last' },
    );
    expect(review).toMatchObject({ step: 'review', recovered: { list: { cursor: 1, count: 2 } } });
    const saving = run(review, { type: 'save' });
    expect(saving.step).toBe('saving');
    expect(run(saving, { type: 'back' })).toEqual(saving);
    expect(run(saving, { type: 'save-failed', problem: 'Already in the vault.' })).toMatchObject({
      step: 'review',
      problem: 'Already in the vault.',
    });
  });

  it('a derivation that fails says why on the form', () => {
    const deriving = run(details, { type: 'derive', settings: SETTINGS, call: 1 });
    expect(run(deriving, { type: 'failed', call: 1, problem: 'Bad path.' })).toMatchObject({
      step: 'details',
      problem: 'Bad path.',
    });
  });
});

describe('recovering a Ledger: the form', () => {
  const data = emptyVaultData();
  const details = run(initialLedgerRecover('kusama', 10), { type: 'go-on' }, { type: 'words-done' });
  const { form } = details;

  it('starts on the passphrase, 5 accounts and the default network; the name is asked for', () => {
    expect(form.focus).toBe('passphrase');
    expect(form.values).toMatchObject({ passphrase: '', accounts: '5', network: 'kusama', name: '' });
    expect(sendRecoverForm(form, data)).toEqual({ wrong: 'name' });
  });

  it('turns valid fields into settings, the passphrase left out of them', () => {
    const filled = run(details, edit('secret words'), to('name'), edit(' lost '));
    expect(sendRecoverForm(filled.form, data)).toEqual({
      settings: { accounts: 5, network: findNetwork('kusama'), name: 'lost' },
    });
    const wrong = run(filled, to('accounts'), edit('x'));
    expect(checkRecoverForm(wrong.form, data).problems).toEqual({
      accounts: 'The number of accounts must be a whole number from 1 to 1000, not "5x"',
    });
  });
});
