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

/**
 * Where scanning a Ledger stands: the form, the scan (rows arrive as the device answers), a
 * failure with the device's own message, the list, one address shown on the device, the name
 * to save under, the save. Every device call is numbered: an answer to one abandoned with Esc
 * (or replaced by a newer one) is dropped here.
 */
export type ScanStep = 'form' | 'scanning' | 'failed' | 'list' | 'showing' | 'naming' | 'saving';

export interface Said {
  tone: 'success' | 'error' | 'muted';
  text: string;
}

export interface LedgerScanState {
  step: ScanStep;
  setup: ScanForm;
  /** The scan under way or done; kept for "try again", show and save. */
  request?: ScanRequest;
  attempt: number;
  found: readonly LedgerAddress[];
  /**
   * The cursor over `found`, sized in the same step that fills it: a key typed the moment the
   * list appears moves over all of it.
   */
  list: ListState;
  /** The account on the device's screen, and its address once read. */
  showing?: { account: number; address?: LedgerAddress };
  /** The identity name the accounts are saved under. */
  name: string;
  /** What the last step said: a failure, or what the device answered. */
  said?: Said;
}

export type LedgerScanAction =
  | { type: 'setup'; action: ScanFormAction }
  /** The form was sent with a wrong field: show every problem, focus that field. */
  | { type: 'refused'; field: ScanField }
  | { type: 'scan'; request: ScanRequest }
  | { type: 'found'; attempt: number; address: LedgerAddress }
  | { type: 'scanned'; attempt: number; found: readonly LedgerAddress[] }
  | { type: 'failed'; attempt: number; problem: string }
  /** Esc: one step back, abandoning the device call under way. */
  | { type: 'cancel' }
  | { type: 'move'; move: Exclude<ListAction['type'], 'resize'> }
  /** Rows the list may use, as the terminal's size allows. */
  | { type: 'resize'; height: number }
  | { type: 'show'; account: number }
  | { type: 'show-address'; attempt: number; address: LedgerAddress }
  | { type: 'shown'; attempt: number; address: LedgerAddress }
  | { type: 'name' }
  | { type: 'name-edit'; edit: TextFieldAction }
  | { type: 'save' }
  | { type: 'save-failed'; problem: string };

export const DEFAULT_IDENTITY_NAME = 'ledger';

export const initialLedgerScan = (network: string, listHeight: number): LedgerScanState => ({
  step: 'form',
  setup: initialScanForm(network),
  attempt: 0,
  found: [],
  list: initialList(0, listHeight),
  name: DEFAULT_IDENTITY_NAME,
});

export function ledgerScanReducer(state: LedgerScanState, action: LedgerScanAction): LedgerScanState {
  const at = (...steps: ScanStep[]) => steps.includes(state.step);
  const current = (attempt: number) => attempt === state.attempt;
  switch (action.type) {
    case 'setup':
      return at('form') ? { ...state, setup: scanFormReducer(state.setup, action.action) } : state;
    case 'refused': {
      if (!at('form')) return state;
      const form = formReducer(
        { ...state.setup.form, visited: state.setup.form.fields },
        { type: 'focus', field: action.field },
      );
      return { ...state, setup: { ...state.setup, form } };
    }
    case 'scan':
      return at('form', 'failed')
        ? {
            ...state,
            step: 'scanning',
            request: action.request,
            attempt: state.attempt + 1,
            found: [],
            said: undefined,
          }
        : state;
    case 'found':
      return at('scanning') && current(action.attempt) ? { ...state, found: [...state.found, action.address] } : state;
    case 'scanned':
      return at('scanning') && current(action.attempt)
        ? { ...state, step: 'list', found: action.found, list: initialList(action.found.length, state.list.height) }
        : state;
    case 'failed':
      if (!current(action.attempt)) return state;
      if (at('scanning')) return { ...state, step: 'failed', said: { tone: 'error', text: action.problem } };
      if (at('showing'))
        return { ...state, step: 'list', showing: undefined, said: { tone: 'error', text: action.problem } };
      return state;
    case 'cancel':
      return cancel(state);
    case 'move':
      return at('list') ? { ...state, list: listReducer(state.list, { type: action.move }) } : state;
    case 'resize':
      return {
        ...state,
        list: listReducer(state.list, { type: 'resize', count: state.found.length, height: action.height }),
      };
    case 'show':
      return at('list')
        ? {
            ...state,
            step: 'showing',
            attempt: state.attempt + 1,
            showing: { account: action.account },
            said: undefined,
          }
        : state;
    case 'show-address':
      return at('showing') && current(action.attempt) && state.showing
        ? { ...state, showing: { ...state.showing, address: action.address } }
        : state;
    case 'shown': {
      if (!at('showing') || !current(action.attempt)) return state;
      const { account, path } = action.address;
      return {
        ...state,
        step: 'list',
        showing: undefined,
        said: { tone: 'success', text: `Approved on the Ledger: account ${account}, ${path}.` },
      };
    }
    case 'name':
      return at('list') && state.found.length > 0 ? { ...state, step: 'naming', said: undefined } : state;
    case 'name-edit':
      return at('naming')
        ? { ...state, name: textFieldReducer({ value: state.name }, action.edit).value, said: undefined }
        : state;
    case 'save':
      return at('naming') ? { ...state, step: 'saving', said: undefined } : state;
    case 'save-failed':
      return at('saving') ? { ...state, step: 'naming', said: { tone: 'error', text: action.problem } } : state;
  }
}

function cancel(state: LedgerScanState): LedgerScanState {
  switch (state.step) {
    case 'scanning':
      // The call is abandoned: what it answers later is dropped.
      return {
        ...state,
        step: 'form',
        attempt: state.attempt + 1,
        found: [],
        said: { tone: 'muted', text: 'Scan cancelled: nothing was saved.' },
      };
    case 'failed':
    case 'list':
      return { ...state, step: 'form', said: undefined };
    case 'showing':
      return {
        ...state,
        step: 'list',
        attempt: state.attempt + 1,
        showing: undefined,
        said: {
          tone: 'muted',
          text: 'No longer waiting for the Ledger: if it still shows the address, reject it there.',
        },
      };
    case 'naming':
      return { ...state, step: 'list', said: undefined };
    default:
      return state;
  }
}
