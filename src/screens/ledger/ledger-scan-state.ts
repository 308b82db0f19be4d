import { textFieldReducer, type TextFieldAction } from '../../ui/components/text-field-state.js';
import { formReducer } from '../../ui/components/form-state.js';
import { initialList, listReducer, type ListAction, type ListState } from '../../ui/components/list-state.js';
import type { LedgerAddress } from '../../ledger/polkadot-app.js';
import {
  initialScanForm,
  scanFormReducer,
  type ScanField,
  type ScanForm,
  type ScanFormAction,
  type ScanRequest,
} from './scan-form-state.js';

/** What the last step said, under the screen: a failure, what the device answered, or that nothing was done. */
export interface StepMessage {
  tone: 'success' | 'error' | 'muted';
  text: string;
}

/** A finished scan, kept while its rows are looked at, shown on the device and named. */
export interface Scan {
  request: ScanRequest;
  found: readonly LedgerAddress[];
  /** The cursor over `found`. */
  list: ListState;
}

/**
 * Where scanning a Ledger stands: the form, the scan (rows arrive as the device answers), a
 * failure with the device's own message, the list, one address shown on the device, the name
 * to save under, the save. A device call carries the number its caller gave it: an answer to
 * one abandoned with Esc (or replaced by a newer one) is dropped here.
 */
export type ScanStep =
  | { step: 'form'; message?: StepMessage }
  | { step: 'scanning'; request: ScanRequest; call: number; found: readonly LedgerAddress[] }
  | { step: 'failed'; request: ScanRequest; message: StepMessage }
  | { step: 'list'; scan: Scan; message?: StepMessage }
  /** The account on the device's screen, and its address once read. */
  | { step: 'showing'; scan: Scan; call: number; account: number; address?: LedgerAddress }
  | { step: 'naming'; scan: Scan; message?: StepMessage }
  | { step: 'saving'; scan: Scan };

/** What the person typed is kept through every step: Esc comes back to it as it was. */
export type LedgerScanState = ScanStep & {
  setup: ScanForm;
  /** The identity name the accounts are saved under. */
  name: string;
  /** Rows the list may use: a list is made this high at once, so a key typed as it appears moves over all of it. */
  listHeight: number;
};

export type LedgerScanAction =
  | { type: 'setup'; action: ScanFormAction }
  /** The form was sent with a wrong field: show every problem, focus that field. */
  | { type: 'refused'; field: ScanField }
  | { type: 'scan'; request: ScanRequest; call: number }
  | { type: 'found'; call: number; address: LedgerAddress }
  | { type: 'scanned'; call: number; found: readonly LedgerAddress[] }
  | { type: 'failed'; call: number; problem: string }
  /** Esc: one step back, abandoning the device call under way. */
  | { type: 'cancel' }
  | { type: 'move'; move: Exclude<ListAction['type'], 'resize'> }
  /** Rows the list may use, as the terminal's size allows. */
  | { type: 'resize'; height: number }
  | { type: 'show'; account: number; call: number }
  | { type: 'show-address'; call: number; address: LedgerAddress }
  | { type: 'shown'; call: number; address: LedgerAddress }
  | { type: 'name' }
  | { type: 'name-edit'; edit: TextFieldAction }
  | { type: 'save' }
  | { type: 'save-failed'; problem: string };

export const DEFAULT_IDENTITY_NAME = 'ledger';

export const initialLedgerScan = (network: string, listHeight: number): LedgerScanState => ({
  step: 'form',
  setup: initialScanForm(network),
  name: DEFAULT_IDENTITY_NAME,
  listHeight,
});

const error = (text: string): StepMessage => ({ tone: 'error', text });

export function ledgerScanReducer(state: LedgerScanState, action: LedgerScanAction): LedgerScanState {
  const { setup, name, listHeight } = state;
  const to = (step: ScanStep): LedgerScanState => ({ ...step, setup, name, listHeight });
  // Only the call under way is listened to: the answers of one abandoned are dropped.
  const answers = (call: number) => 'call' in state && state.call === call;
  switch (action.type) {
    case 'setup':
      return state.step === 'form' ? { ...state, setup: scanFormReducer(setup, action.action) } : state;
    case 'refused': {
      if (state.step !== 'form') return state;
      const form = formReducer(formReducer(setup.form, { type: 'visit-all' }), { type: 'focus', field: action.field });
      return { ...state, setup: { ...setup, form } };
    }
    case 'scan':
      return state.step === 'form' || state.step === 'failed'
        ? to({ step: 'scanning', request: action.request, call: action.call, found: [] })
        : state;
    case 'found':
      return state.step === 'scanning' && answers(action.call)
        ? { ...state, found: [...state.found, action.address] }
        : state;
    case 'scanned':
      if (state.step !== 'scanning' || !answers(action.call)) return state;
      return to({
        step: 'list',
        scan: { request: state.request, found: action.found, list: initialList(action.found.length, listHeight) },
      });
    case 'failed':
      if (!answers(action.call)) return state;
      if (state.step === 'scanning')
        return to({ step: 'failed', request: state.request, message: error(action.problem) });
      return state.step === 'showing' ? to({ step: 'list', scan: state.scan, message: error(action.problem) }) : state;
    case 'cancel':
      return cancel(state, to);
    case 'move':
      return state.step === 'list' ? { ...state, scan: moved(state.scan, { type: action.move }) } : state;
    case 'resize':
      return resize({ ...state, listHeight: action.height });
    case 'show':
      return state.step === 'list'
        ? to({ step: 'showing', scan: state.scan, call: action.call, account: action.account })
        : state;
    case 'show-address':
      return state.step === 'showing' && answers(action.call) ? { ...state, address: action.address } : state;
    case 'shown': {
      if (state.step !== 'showing' || !answers(action.call)) return state;
      const { account, path } = action.address;
      const approved = `Approved on the Ledger: account ${account}, ${path}.`;
      return to({ step: 'list', scan: state.scan, message: { tone: 'success', text: approved } });
    }
    case 'name':
      return state.step === 'list' && state.scan.found.length > 0 ? to({ step: 'naming', scan: state.scan }) : state;
    case 'name-edit':
      return state.step === 'naming'
        ? { ...to({ step: 'naming', scan: state.scan }), name: textFieldReducer({ value: name }, action.edit).value }
        : state;
    case 'save':
      return state.step === 'naming' ? to({ step: 'saving', scan: state.scan }) : state;
    case 'save-failed':
      return state.step === 'saving' ? to({ step: 'naming', scan: state.scan, message: error(action.problem) }) : state;
  }
}

const moved = (scan: Scan, action: ListAction): Scan => ({ ...scan, list: listReducer(scan.list, action) });

/** The list, where a step has one, fitted to the rows it may use now. */
function resize(state: LedgerScanState): LedgerScanState {
  if (!('scan' in state)) return state;
  const { found } = state.scan;
  return { ...state, scan: moved(state.scan, { type: 'resize', count: found.length, height: state.listHeight }) };
}

function cancel(state: LedgerScanState, to: (step: ScanStep) => LedgerScanState): LedgerScanState {
  switch (state.step) {
    case 'scanning':
      // The call is abandoned: what it answers later is dropped.
      return to({ step: 'form', message: { tone: 'muted', text: 'Scan cancelled: nothing was saved.' } });
    case 'failed':
    case 'list':
      return to({ step: 'form' });
    case 'showing': {
      const text = 'No longer waiting for the Ledger: if it still shows the address, reject it there.';
      return to({ step: 'list', scan: state.scan, message: { tone: 'muted', text } });
    }
    case 'naming':
      return to({ step: 'list', scan: state.scan });
    default:
      return state;
  }
}
