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
  initialScanForm,
  scanFormReducer,
  sendScanForm,
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
/** The state at `step`, or the test fails saying where it is. */
function at<S extends LedgerScanState['step']>(state: LedgerScanState, step: S) {
  expect(state.step).toBe(step);
  return state as Extract<LedgerScanState, { step: S }>;
}
/** What a sent form gives, as a request when it holds one. */
const requestOf = (form: ScanForm) => {
  const sent = sendScanForm(form);
  return 'request' in sent ? sent.request : undefined;
};
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
    expect(requestOf(form)).toBeUndefined();
    expect(sendScanForm(form)).toEqual({ wrong: 'address' });
    form = typed(next(form), 'localhost:40000');
    expect(requestOf(form)).toEqual({
      transport: { kind: 'speculos', host: 'localhost', port: 40000 },
      accounts: 5,
      network: findNetwork('kusama'),
    });
    // USB needs no address, whatever the field holds.
    expect(requestOf({ ...form, transport: 'usb' })?.transport).toEqual({ kind: 'hid' });
    form = typed(next(form), 'x');
    expect(checkScanForm(form).problems.accounts).toBe(
      'The number of accounts must be a whole number from 1 to 1000, not "5x"',
    );
    expect(requestOf(form)).toBeUndefined();
  });

  it('says nothing of an untouched field until the form is sent', () => {
    const form = scanFormReducer(initialScanForm('substrate'), { type: 'toggle-transport' });
    expect(checkScanForm(form).problems).toEqual({});
    expect(sendScanForm(form)).toEqual({ wrong: 'address' });
  });
});

describe('the scan steps', () => {
  const scanning = at(run(initialLedgerScan('polkadot', 10), { type: 'scan', request: REQUEST, call: 1 }), 'scanning');

  it('adds rows as the device answers, then lists them with the cursor on the first', () => {
    const { call } = scanning;
    const state = run(
      scanning,
      { type: 'found', call, address: address(0) },
      { type: 'found', call, address: address(1) },
    );
    expect(at(state, 'scanning').found.map((f) => f.account)).toEqual([0, 1]);
    const listed = run(
      state,
      { type: 'scanned', call, found: [address(0), address(1)] },
      { type: 'move', move: 'down' },
    );
    expect(at(listed, 'list').scan.list).toMatchObject({ cursor: 1, count: 2 });
  });

  it('drops what an abandoned call answers after Esc', () => {
    const { call } = scanning;
    const cancelled = run(scanning, { type: 'cancel' });
    expect(cancelled).toMatchObject({ step: 'form', message: { text: 'Scan cancelled: nothing was saved.' } });
    expect(
      run(cancelled, { type: 'found', call, address: address(0) }, { type: 'scanned', call, found: [address(0)] }),
    ).toEqual(cancelled);
    // A new scan, then the old one's failure: still dropped.
    const again = run(cancelled, { type: 'scan', request: REQUEST, call: call + 1 });
    expect(run(again, { type: 'failed', call, problem: 'late' })).toEqual(again);
  });

  it('a failure of the scan is its own step, from which Enter scans again', () => {
    const failed = run(scanning, {
      type: 'failed',
      call: scanning.call,
      problem: 'The Ledger is locked; unlock it.',
    });
    expect(failed).toMatchObject({
      step: 'failed',
      message: { tone: 'error', text: 'The Ledger is locked; unlock it.' },
    });
    expect(run(failed, { type: 'scan', request: REQUEST, call: 2 }).step).toBe('scanning');
    expect(run(failed, { type: 'cancel' }).step).toBe('form');
  });

  const listed = run(scanning, { type: 'scanned', call: scanning.call, found: [address(0), address(1)] });

  it('shows an address on the device: approved or rejected, it comes back to the list saying so', () => {
    const showing = run(listed, { type: 'show', account: 1, call: 2 });
    expect(showing).toMatchObject({ step: 'showing', account: 1 });
    const read = run(showing, { type: 'show-address', call: 2, address: address(1) });
    expect(at(read, 'showing').address?.address).toBe('5Addr1');
    expect(run(read, { type: 'shown', call: 2, address: address(1) })).toMatchObject({
      step: 'list',
      message: { tone: 'success', text: "Approved on the Ledger: account 1, m/44'/354'/1'/0'/0'." },
    });
    expect(run(read, { type: 'failed', call: 2, problem: 'Rejected on the Ledger.' })).toMatchObject({
      step: 'list',
      message: { tone: 'error' },
    });
    // Esc stops waiting; the device's late answer is dropped.
    const left = run(read, { type: 'cancel' });
    expect(left.step).toBe('list');
    expect(run(left, { type: 'shown', call: 2, address: address(1) })).toEqual(left);
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
      message: { text: 'Vault is in use.' },
    });
    expect(run(run(initialLedgerScan('polkadot', 10)), { type: 'name' }).step).toBe('form');
  });
});
