import {
  formReducer,
  initialForm,
  isTouched,
  type FormAction,
  type FormState,
} from '../../ui/components/form-state.js';
import { parseIndex } from '../../ledger/paths.js';
import { parseSpeculosAddress, type TransportSpec } from '../../ledger/transport.js';
import { findNetwork, type Network } from '../../vault/networks.js';
import { problemOf, verdict } from './field-verdict.js';

/**
 * The scan form: where the device is (USB, or a Speculos emulator at HOST:PORT), how many
 * accounts to read and for which network. The transport is a choice, a field only so Tab
 * reaches it; the address is asked for only for the emulator.
 */
export const SCAN_FIELDS = ['transport', 'address', 'accounts', 'network'] as const;
export type ScanField = (typeof SCAN_FIELDS)[number];
export type TransportChoice = 'usb' | 'speculos';

export const DEFAULT_ACCOUNTS = 5;
export const MAX_ACCOUNTS = 1000;

export interface ScanForm {
  form: FormState<ScanField>;
  transport: TransportChoice;
}

export type ScanFormAction =
  | { type: 'form'; action: FormAction<ScanField> }
  /** ←/→ or Space on the transport. */
  | { type: 'toggle-transport' };

/** What to scan, once the form holds it. */
export interface ScanRequest {
  transport: TransportSpec;
  accounts: number;
  network: Network;
}

export interface ScanCheck {
  /** What is wrong with a field, said once it was touched. */
  problems: Partial<Record<ScanField, string>>;
  /** The network named, once it is one airlock knows. */
  network?: Network;
}

export const initialScanForm = (network: string): ScanForm => ({
  transport: 'usb',
  form: initialForm(SCAN_FIELDS, { accounts: String(DEFAULT_ACCOUNTS), network }),
});

export function scanFormReducer(state: ScanForm, action: ScanFormAction): ScanForm {
  switch (action.type) {
    case 'toggle-transport':
      return state.form.focus === 'transport'
        ? { ...state, transport: state.transport === 'usb' ? 'speculos' : 'usb' }
        : state;
    case 'form': {
      const move = action.action;
      if (move.type === 'edit' && state.form.focus === 'transport') return state;
      let form = formReducer(state.form, move);
      // USB needs no address: moving through the form steps over it.
      if (form.focus === 'address' && state.transport === 'usb' && (move.type === 'next' || move.type === 'previous'))
        form = formReducer(form, move);
      return { ...state, form };
    }
  }
}

/** Each field read as the command line reads it; USB needs no address. */
function readScanForm({ form, transport }: ScanForm) {
  const { values } = form;
  return {
    address: verdict<TransportSpec>(() =>
      transport === 'usb' ? { kind: 'hid' } : parseSpeculosAddress(values.address),
    ),
    accounts: verdict(() =>
      parseIndex(values.accounts.trim(), 'the number of accounts', { min: 1, max: MAX_ACCOUNTS }),
    ),
    network: verdict(() => findNetwork(values.network)),
  };
}

/** What sending the form gives: the request, or the first field whose value is wrong, to go back to. */
export function sendScanForm(state: ScanForm): { request: ScanRequest } | { wrong: ScanField } {
  const { address, accounts, network } = readScanForm(state);
  if (!address.ok) return { wrong: 'address' };
  if (!accounts.ok) return { wrong: 'accounts' };
  if (!network.ok) return { wrong: 'network' };
  return { request: { transport: address.value, accounts: accounts.value, network: network.value } };
}

/** The problems to show under the fields (each once it was touched), and the network once it is known. */
export function checkScanForm(state: ScanForm): ScanCheck {
  const { address, accounts, network } = readScanForm(state);
  const found: Partial<Record<ScanField, string | undefined>> = {
    address: problemOf(address),
    accounts: problemOf(accounts),
    network: problemOf(network),
  };
  const problems = Object.fromEntries(
    Object.entries(found).filter(([field, problem]) => problem && isTouched(state.form, field as ScanField)),
  );
  return { problems, ...(network.ok ? { network: network.value } : {}) };
}
