import { describeError } from '../../errors.js';
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
import { capitalise } from '../../ui/sentence.js';

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
  network?: Network;
  request?: ScanRequest;
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

function verdict<T>(read: () => T): { value?: T; problem?: string } {
  try {
    return { value: read() };
  } catch (error) {
    return { problem: capitalise(describeError(error).message) };
  }
}

/** Every field checked with the functions the command line uses; a request once all hold. */
export function checkScanForm({ form, transport }: ScanForm): ScanCheck {
  const { values } = form;
  const device =
    transport === 'usb'
      ? { value: { kind: 'hid' } as TransportSpec }
      : verdict(() => parseSpeculosAddress(values.address));
  const accounts = verdict(() =>
    parseIndex(values.accounts.trim(), 'the number of accounts', { min: 1, max: MAX_ACCOUNTS }),
  );
  const network = verdict(() => findNetwork(values.network));
  const found: Partial<Record<ScanField, string | undefined>> = {
    address: device.problem,
    accounts: accounts.problem,
    network: network.problem,
  };
  const problems = Object.fromEntries(
    Object.entries(found).filter(([field, problem]) => problem && isTouched(form, field as ScanField)),
  );
  const request =
    device.value && accounts.value !== undefined && network.value
      ? { transport: device.value, accounts: accounts.value, network: network.value }
      : undefined;
  return { problems, ...(network.value ? { network: network.value } : {}), ...(request ? { request } : {}) };
}

/** The first field whose value is wrong, to go back to when the form is sent as it is. */
export function firstProblemField(state: ScanForm): ScanField | undefined {
  const { problems } = checkScanForm({ ...state, form: { ...state.form, visited: state.form.fields } });
  return SCAN_FIELDS.find((field) => problems[field] !== undefined);
}
