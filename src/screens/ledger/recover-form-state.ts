import { parseIndex } from '../../ledger/paths.js';
import { initialForm, isTouched, type FormState } from '../../ui/components/form-state.js';
import { checkNewIdentityName } from '../../vault/identities.js';
import type { VaultData } from '../../vault/model.js';
import { findNetwork, type Network } from '../../vault/networks.js';
import { problemOf, verdict } from './field-verdict.js';
import { DEFAULT_ACCOUNTS, MAX_ACCOUNTS } from './scan-form-state.js';

/**
 * What recovering a Ledger asks besides the words: the passphrase (any text, or none), how many
 * accounts, the network and the new identity's name. The passphrase stays in this form until
 * the screen is left; each call gets it turned into bytes, then wiped.
 */
export const RECOVER_FIELDS = ['passphrase', 'accounts', 'network', 'name'] as const;
export type RecoverField = (typeof RECOVER_FIELDS)[number];
export type RecoverForm = FormState<RecoverField>;

/** The form read, the passphrase left out. */
export interface RecoverSettings {
  accounts: number;
  network: Network;
  name: string;
}

export interface RecoverCheck {
  /** What is wrong with a field, said once it was touched. */
  problems: Partial<Record<RecoverField, string>>;
  /** The network named, once it is one airlock knows. */
  network?: Network;
}

export const initialRecoverForm = (network: string): RecoverForm =>
  initialForm(RECOVER_FIELDS, { accounts: String(DEFAULT_ACCOUNTS), network });

/** The fields besides the passphrase, read as the vault will read them. */
function readRecoverForm({ values }: RecoverForm, data: VaultData) {
  return {
    accounts: verdict(() =>
      parseIndex(values.accounts.trim(), 'the number of accounts', { min: 1, max: MAX_ACCOUNTS }),
    ),
    network: verdict(() => findNetwork(values.network)),
    name: verdict(() => checkNewIdentityName(data, values.name)),
  };
}

/** What sending the form gives: the settings, or the first field whose value is wrong, to go back to. */
export function sendRecoverForm(
  form: RecoverForm,
  data: VaultData,
): { settings: RecoverSettings } | { wrong: RecoverField } {
  const { accounts, network, name } = readRecoverForm(form, data);
  if (!accounts.ok) return { wrong: 'accounts' };
  if (!network.ok) return { wrong: 'network' };
  if (!name.ok) return { wrong: 'name' };
  return { settings: { accounts: accounts.value, network: network.value, name: name.value } };
}

/** The problems to show under the fields (each once it was touched), and the network once it is known. */
export function checkRecoverForm(form: RecoverForm, data: VaultData): RecoverCheck {
  const { accounts, network, name } = readRecoverForm(form, data);
  const found: Partial<Record<RecoverField, string | undefined>> = {
    accounts: problemOf(accounts),
    network: problemOf(network),
    name: problemOf(name),
  };
  const problems = Object.fromEntries(
    Object.entries(found).filter(([field, problem]) => problem && isTouched(form, field as RecoverField)),
  );
  return { problems, ...(network.ok ? { network: network.value } : {}) };
}
