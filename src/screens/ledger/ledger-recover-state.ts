import { describeError } from '../../errors.js';
import type { LedgerAddress } from '../../ledger/polkadot-app.js';
import { parseIndex } from '../../ledger/paths.js';
import {
  formReducer,
  initialForm,
  isTouched,
  type FormAction,
  type FormState,
} from '../../ui/components/form-state.js';
import { initialList, listReducer, type ListAction, type ListState } from '../../ui/components/list-state.js';
import { checkNewIdentityName } from '../../vault/identities.js';
import type { VaultData } from '../../vault/model.js';
import { findNetwork, type Network } from '../../vault/networks.js';
import { capitalise } from '../../ui/sentence.js';
import { DEFAULT_ACCOUNTS, MAX_ACCOUNTS } from './scan-form-state.js';

/**
 * Where recovering a Ledger offline stands: the warning, the words, the rest (passphrase,
 * accounts, network, name), the derivation (rows as they come), the addresses to look at
 * before saving, the save. The words live in the word entry and the passphrase in this form
 * until the screen is left; each call below gets them turned into what it takes, then wiped.
 */
export const RECOVER_FIELDS = ['passphrase', 'accounts', 'network', 'name'] as const;
export type RecoverField = (typeof RECOVER_FIELDS)[number];
export type RecoverStep = 'warning' | 'words' | 'details' | 'deriving' | 'review' | 'saving';

export interface RecoverSettings {
  accounts: number;
  network: Network;
  name: string;
}

export interface LedgerRecoverState {
  step: RecoverStep;
  form: FormState<RecoverField>;
  settings?: RecoverSettings;
  attempt: number;
  found: readonly LedgerAddress[];
  /** The cursor over `found`, sized in the step that fills it. */
  list: ListState;
  problem?: string;
}

export type LedgerRecoverAction =
  | { type: 'go-on' }
  | { type: 'words-done' }
  /** Esc: one step back; the derivation under way is abandoned. */
  | { type: 'back' }
  | { type: 'form'; action: FormAction<RecoverField> }
  | { type: 'refused'; field: RecoverField }
  | { type: 'derive'; settings: RecoverSettings }
  | { type: 'found'; attempt: number; address: LedgerAddress }
  | { type: 'derived'; attempt: number; found: readonly LedgerAddress[] }
  | { type: 'failed'; attempt: number; problem: string }
  | { type: 'move'; move: Exclude<ListAction['type'], 'resize'> }
  | { type: 'resize'; height: number }
  | { type: 'save' }
  | { type: 'save-failed'; problem: string };

export const initialLedgerRecover = (network: string, listHeight: number): LedgerRecoverState => ({
  step: 'warning',
  form: initialForm(RECOVER_FIELDS, { accounts: String(DEFAULT_ACCOUNTS), network }),
  attempt: 0,
  found: [],
  list: initialList(0, listHeight),
});

const BACK: Partial<Record<RecoverStep, RecoverStep>> = {
  words: 'warning',
  details: 'words',
  deriving: 'details',
  review: 'details',
};

export function ledgerRecoverReducer(state: LedgerRecoverState, action: LedgerRecoverAction): LedgerRecoverState {
  const at = (step: RecoverStep) => state.step === step;
  const current = (attempt: number) => attempt === state.attempt;
  switch (action.type) {
    case 'go-on':
      return at('warning') ? { ...state, step: 'words' } : state;
    case 'words-done':
      return at('words') ? { ...state, step: 'details', problem: undefined } : state;
    case 'back': {
      const step = BACK[state.step];
      if (!step) return state;
      // A derivation left behind answers to an attempt that is over.
      const problem = at('deriving') ? 'Stopped: nothing was saved.' : undefined;
      return {
        ...state,
        step,
        attempt: state.attempt + (at('deriving') ? 1 : 0),
        found: at('review') || at('deriving') ? [] : state.found,
        problem,
      };
    }
    case 'form':
      return at('details') ? { ...state, form: formReducer(state.form, action.action) } : state;
    case 'refused':
      return at('details')
        ? {
            ...state,
            form: formReducer({ ...state.form, visited: state.form.fields }, { type: 'focus', field: action.field }),
          }
        : state;
    case 'derive':
      return at('details')
        ? {
            ...state,
            step: 'deriving',
            settings: action.settings,
            attempt: state.attempt + 1,
            found: [],
            problem: undefined,
          }
        : state;
    case 'found':
      return at('deriving') && current(action.attempt) ? { ...state, found: [...state.found, action.address] } : state;
    case 'derived':
      return at('deriving') && current(action.attempt)
        ? { ...state, step: 'review', found: action.found, list: initialList(action.found.length, state.list.height) }
        : state;
    case 'failed':
      return at('deriving') && current(action.attempt)
        ? { ...state, step: 'details', found: [], problem: action.problem }
        : state;
    case 'move':
      return at('review') ? { ...state, list: listReducer(state.list, { type: action.move }) } : state;
    case 'resize':
      return {
        ...state,
        list: listReducer(state.list, { type: 'resize', count: state.found.length, height: action.height }),
      };
    case 'save':
      return at('review') ? { ...state, step: 'saving', problem: undefined } : state;
    case 'save-failed':
      return at('saving') ? { ...state, step: 'review', problem: action.problem } : state;
  }
}

export interface RecoverCheck {
  problems: Partial<Record<RecoverField, string>>;
  network?: Network;
  settings?: RecoverSettings;
}

function verdict<T>(read: () => T): { value?: T; problem?: string } {
  try {
    return { value: read() };
  } catch (error) {
    return { problem: capitalise(describeError(error).message) };
  }
}

/** The fields besides the passphrase (any text, or none), checked as the vault will check them. */
export function checkRecoverForm(form: FormState<RecoverField>, data: VaultData): RecoverCheck {
  const { values } = form;
  const accounts = verdict(() =>
    parseIndex(values.accounts.trim(), 'the number of accounts', { min: 1, max: MAX_ACCOUNTS }),
  );
  const network = verdict(() => findNetwork(values.network));
  const name = verdict(() => checkNewIdentityName(data, values.name));
  const found: Partial<Record<RecoverField, string | undefined>> = {
    accounts: accounts.problem,
    network: network.problem,
    name: name.problem,
  };
  const problems = Object.fromEntries(
    Object.entries(found).filter(([field, problem]) => problem && isTouched(form, field as RecoverField)),
  );
  const settings =
    accounts.value !== undefined && network.value && name.value
      ? { accounts: accounts.value, network: network.value, name: name.value }
      : undefined;
  return { problems, ...(network.value ? { network: network.value } : {}), ...(settings ? { settings } : {}) };
}

/** The first field to go back to when the form is sent as it is. */
export function firstRecoverProblem(form: FormState<RecoverField>, data: VaultData): RecoverField | undefined {
  const { problems } = checkRecoverForm({ ...form, visited: form.fields }, data);
  return RECOVER_FIELDS.find((field) => problems[field] !== undefined);
}
