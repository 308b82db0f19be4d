import { textFieldReducer, type TextFieldAction } from '../../ui/components/text-field-state.js';
import { describeError } from '../../errors.js';
import type { DeriveRequest } from '../../vault/accounts.js';
import { KEY_TYPES, checkPath, defaultPath, type KeyType } from '../../vault/keys.js';
import { checkName } from '../../vault/names.js';
import { defaultNetworkFor, findNetwork, type Network } from '../../vault/networks.js';

/** The derive form's fields, in the order Tab visits them. */
export const DERIVE_FIELDS = ['identity', 'name', 'type', 'path', 'network'] as const;
export type DeriveField = (typeof DERIVE_FIELDS)[number];
export const LAST_FIELD: DeriveField = 'network';

export interface DeriveForm {
  focus: DeriveField;
  /** The mnemonic identities to choose from. */
  identities: readonly string[];
  identity: string;
  name: string;
  type: KeyType;
  path: string;
  /** The network chosen in the picker: always one the registry knows. */
  network: string;
  /** The vault's default network, which the network follows while the user has not chosen one. */
  defaultNetwork: string;
}

export type DeriveFormAction =
  | { type: 'next' }
  | { type: 'previous' }
  /** ←/→ on a choice (identity, key type). */
  | { type: 'cycle'; step: 1 | -1 }
  /** A key typed into the focused text field. */
  | { type: 'edit'; edit: TextFieldAction }
  /** A network picked in the network search. */
  | { type: 'network'; network: string };

type TextField = 'name' | 'path';
/** The fields that take typed text; on the others letters are not typed. */
export const isTextField = (field: DeriveField): field is TextField => field === 'name' || field === 'path';

/** The form on `identity` when it is one of `identities` (else the first), sr25519 at the root, on the default network. */
export function initialDeriveForm(
  identities: readonly string[],
  defaultNetwork: string,
  identity?: string,
): DeriveForm {
  return {
    focus: 'identity',
    identities,
    identity: identity !== undefined && identities.includes(identity) ? identity : (identities[0] ?? ''),
    name: '',
    type: 'sr25519',
    path: defaultPath('sr25519'),
    network: defaultNetworkFor('sr25519', defaultNetwork),
    defaultNetwork,
  };
}

const step = <T>(list: readonly T[], current: T, by: number): T =>
  list[(list.indexOf(current) + by + list.length) % list.length]!;

export function deriveFormReducer(state: DeriveForm, action: DeriveFormAction): DeriveForm {
  switch (action.type) {
    case 'next':
    case 'previous': {
      const index = DERIVE_FIELDS.indexOf(state.focus) + (action.type === 'next' ? 1 : -1);
      return { ...state, focus: DERIVE_FIELDS[Math.max(0, Math.min(index, DERIVE_FIELDS.length - 1))]! };
    }
    case 'cycle':
      if (state.focus === 'identity' && state.identities.length > 0) {
        return { ...state, identity: step(state.identities, state.identity, action.step) };
      }
      if (state.focus === 'type') {
        const type = step(KEY_TYPES, state.type, action.step);
        // A path and a network the user left at the default follow the key type: ethereum takes
        // BIP44 and an EVM chain.
        const path = state.path === defaultPath(state.type) ? defaultPath(type) : state.path;
        const followsType = state.network === defaultNetworkFor(state.type, state.defaultNetwork);
        const network = followsType ? defaultNetworkFor(type, state.defaultNetwork) : state.network;
        return { ...state, type, path, network };
      }
      return state;
    case 'edit': {
      const field = state.focus;
      if (!isTextField(field)) return state;
      return { ...state, [field]: textFieldReducer({ value: state[field] }, action.edit).value };
    }
    case 'network':
      return { ...state, network: action.network };
  }
}

export interface DeriveCheck {
  /** What is wrong with a field, said as the user types. */
  problems: Partial<Record<DeriveField, string>>;
  /** The network the network field names, when it names one. */
  network?: Network;
  /** What to derive, once every field is filled in and valid. */
  request?: DeriveRequest;
}

const problemOf = (check: () => unknown): string | undefined => {
  try {
    check();
    return undefined;
  } catch (error) {
    return describeError(error).message;
  }
};

function lookUpNetwork(text: string): { network?: Network; problem?: string } {
  if (!text.trim()) return { problem: 'give a network name or SS58 prefix' };
  try {
    return { network: findNetwork(text) };
  } catch (error) {
    return { problem: describeError(error).message };
  }
}

/** Checks each field with the vault's own checks; the derivation itself is the preview's. */
export function checkDeriveForm(form: DeriveForm): DeriveCheck {
  const { network, problem: networkProblem } = lookUpNetwork(form.network);
  const found: Partial<Record<DeriveField, string | undefined>> = {
    identity: form.identity ? undefined : 'no identity with a recovery phrase',
    // An empty name is not a mistake yet, only unfinished.
    name: form.name.trim() ? problemOf(() => checkName(form.name, 'account')) : undefined,
    path: problemOf(() => checkPath(form.path, form.type)),
    network: networkProblem,
  };
  const problems = Object.fromEntries(
    Object.entries(found).filter(([, problem]) => problem !== undefined),
  ) as DeriveCheck['problems'];
  if (!network || !form.name.trim() || Object.keys(problems).length > 0)
    return { problems, ...(network ? { network } : {}) };
  const request: DeriveRequest = {
    identity: form.identity,
    name: form.name.trim(),
    type: form.type,
    path: form.path,
    network: network.name,
  };
  return { problems, network, request };
}
