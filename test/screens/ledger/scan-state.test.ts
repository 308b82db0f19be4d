import { describe, expect, it } from 'vitest';
import type { LedgerAddress } from '../../../src/ledger/polkadot-app.js';
import {
  ledgerScanReducer,
  initialLedgerScan,
  type LedgerScanAction,
  type LedgerScanState,
} from '../../../src/screens/ledger/ledger-scan-state.js';
import {
  checkScanForm,
  firstProblemField,
  initialScanForm,
  scanFormReducer,
  type ScanForm,
} from '../../../src/screens/ledger/scan-form-state.js';
import { findNetwork } from '../../../src/vault/networks.js';

const address = (account: number): LedgerAddress => ({
  account,
  index: 0,
  path: `m/44'/354'/${account}'/0'/0'`,
  publicKey: `0x${'11'.repeat(32)}`,
  address: `5Addr${account}`,
});
const REQUEST = {
  transport: { kind: 'speculos' as const, host: '127.0.0.1', port: 9999 },
  accounts: 2,
  network: findNetwork('polkadot'),
};
const run = (state: LedgerScanState, ...actions: LedgerScanAction[]) => actions.reduce(ledgerScanReducer, state);
const typed = (form: ScanForm, text: string) =>
  scanFormReducer(form, { type: 'form', action: { type: 'edit', edit: { type: 'insert', text } } });
const next = (form: ScanForm) => scanFormReducer(form, { type: 'form', action: { type: 'next' } });

describe('the scan form', () => {
  it('steps over the emulator address while the device is on USB', () => {
    let form = initialScanForm('substrate');
    expect(next(form).form.focus).toBe('accounts');
    form = scanFormReducer(form, { type: 'toggle-transport' });
    expect(form.transport).toBe('speculos');
    expect(next(form).form.focus).toBe('address');
    // Letters on the choice are not text.
    expect(typed(form, 'x')).toBe(form);
  });

  it('checks each field as the command line does, and makes a request once all hold', () => {
    let form = scanFormReducer(initialScanForm('kusama'), { type: 'toggle-transport' });
    expect(checkScanForm(form).request).toBeUndefined();
    expect(firstProblemField(form)).toBe('address');
    form = typed(next(form), 'localhost:40000');
    expect(checkScanForm(form).request).toEqual({
      transport: { kind: 'speculos', host: 'localhost', port: 40000 },
      accounts: 5,
      network: findNetwork('kusama'),
    });
    // USB needs no address, whatever the field holds.
    expect(checkScanForm({ ...form, transport: 'usb' }).request?.transport).toEqual({ kind: 'hid' });
    form = typed(next(form), 'x');
    expect(checkScanForm(form).problems.accounts).toBe(
      'The number of accounts must be a whole number from 1 to 1000, not "5x"',
    );
    expect(checkScanForm(form).request).toBeUndefined();
  });

  it('says nothing of an untouched field until the form is sent', () => {
    const form = scanFormReducer(initialScanForm('substrate'), { type: 'toggle-transport' });
    expect(checkScanForm(form).problems).toEqual({});
    expect(firstProblemField(form)).toBe('address');
  });
});

describe('the scan steps', () => {
  const scanning = run(initialLedgerScan('polkadot', 10), { type: 'scan', request: REQUEST });

  it('adds rows as the device answers, then lists them with the cursor on the first', () => {
    const { attempt } = scanning;
    const state = run(
      scanning,
      { type: 'found', attempt, address: address(0) },
      { type: 'found', attempt, address: address(1) },
    );
    expect(state.found.map((f) => f.account)).toEqual([0, 1]);
    const listed = run(
      state,
      { type: 'scanned', attempt, found: [address(0), address(1)] },
      { type: 'move', move: 'down' },
    );
    expect(listed.step).toBe('list');
    expect(listed.list).toMatchObject({ cursor: 1, count: 2 });
  });

  it('drops what an abandoned call answers after Esc', () => {
    const { attempt } = scanning;
    const cancelled = run(scanning, { type: 'cancel' });
    expect(cancelled).toMatchObject({ step: 'form', said: { text: 'Scan cancelled: nothing was saved.' } });
    expect(
      run(
        cancelled,
        { type: 'found', attempt, address: address(0) },
        { type: 'scanned', attempt, found: [address(0)] },
      ),
    ).toEqual(cancelled);
    // A new scan, then the old one's failure: still dropped.
    const again = run(cancelled, { type: 'scan', request: REQUEST });
    expect(run(again, { type: 'failed', attempt, problem: 'late' })).toEqual(again);
  });

  it('a failure of the scan is its own step, from which Enter scans again', () => {
    const failed = run(scanning, {
      type: 'failed',
      attempt: scanning.attempt,
      problem: 'The Ledger is locked; unlock it.',
    });
    expect(failed).toMatchObject({ step: 'failed', said: { tone: 'error', text: 'The Ledger is locked; unlock it.' } });
    expect(run(failed, { type: 'scan', request: REQUEST }).step).toBe('scanning');
    expect(run(failed, { type: 'cancel' }).step).toBe('form');
  });

  const listed = run(scanning, { type: 'scanned', attempt: scanning.attempt, found: [address(0), address(1)] });

  it('shows an address on the device: approved or rejected, it comes back to the list saying so', () => {
    const showing = run(listed, { type: 'show', account: 1 });
    expect(showing).toMatchObject({ step: 'showing', showing: { account: 1 } });
    const read = run(showing, { type: 'show-address', attempt: showing.attempt, address: address(1) });
    expect(read.showing?.address?.address).toBe('5Addr1');
    expect(run(read, { type: 'shown', attempt: showing.attempt, address: address(1) })).toMatchObject({
      step: 'list',
      said: { tone: 'success', text: "Approved on the Ledger: account 1, m/44'/354'/1'/0'/0'." },
    });
    expect(run(read, { type: 'failed', attempt: showing.attempt, problem: 'Rejected on the Ledger.' })).toMatchObject({
      step: 'list',
      said: { tone: 'error' },
    });
    // Esc stops waiting; the device's late answer is dropped.
    const left = run(read, { type: 'cancel' });
    expect(left.step).toBe('list');
    expect(run(left, { type: 'shown', attempt: showing.attempt, address: address(1) })).toEqual(left);
  });

  it('names the identity "ledger" unless changed, and a failed save comes back to the name', () => {
    const naming = run(listed, { type: 'name' });
    expect(naming).toMatchObject({ step: 'naming', name: 'ledger' });
    const renamed = run(
      naming,
      { type: 'name-edit', edit: { type: 'clear' } },
      { type: 'name-edit', edit: { type: 'insert', text: 'nano' } },
    );
    expect(renamed.name).toBe('nano');
    const saving = run(renamed, { type: 'save' });
    expect(saving.step).toBe('saving');
    // Keys wait while the vault is written.
    expect(run(saving, { type: 'cancel' })).toEqual(saving);
    expect(run(saving, { type: 'save-failed', problem: 'Vault is in use.' })).toMatchObject({
      step: 'naming',
      said: { text: 'Vault is in use.' },
    });
    expect(run(run(initialLedgerScan('polkadot', 10)), { type: 'name' }).step).toBe('form');
  });
});
