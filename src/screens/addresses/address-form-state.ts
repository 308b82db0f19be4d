import { describeError } from '../../errors.js';
import { checkAddressFor } from '../../vault/address-check.js';
import { checkAddressEntry, type NewAddress } from '../../vault/address-book.js';
import type { AddressEntry, VaultData } from '../../vault/model.js';
import { checkName } from '../../vault/names.js';
import { findNetwork, type Network } from '../../vault/networks.js';

export const ADDRESS_FIELDS = ['name', 'address', 'network', 'note'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export type AddressValues = Record<AddressField, string>;

export interface Problem {
  message: string;
  hint?: string;
}

export interface AddressVerdict {
  /** The entry exactly as it would be saved, when every check passes. */
  entry?: AddressEntry;
  /** Otherwise what is wrong, under the field it concerns. */
  problems: Partial<Record<AddressField, Problem>>;
}

/**
 * The form's starting values. An entry whose network is the one its address's own prefix
 * gives starts with the network empty, so changing the address later is not refused for a
 * network the user never chose.
 */
export function addressFormValues(data: VaultData, entry?: AddressEntry): AddressValues {
  if (!entry) return { name: '', address: '', network: '', note: '' };
  let network = entry.network;
  try {
    if (checkAddressEntry(data, { ...entry, network: '' }, entry).network === entry.network) network = '';
  } catch {
    // Kept as stored: the entry no longer passes the checks, and the form will say why.
  }
  return { name: entry.name, address: entry.address, network, note: entry.note };
}

export const toNewAddress = (values: AddressValues): NewAddress => ({
  name: values.name,
  address: values.address,
  network: values.network.trim() === '' ? undefined : values.network.trim(),
  note: values.note,
});

/** The live verdict: the book's own check, and when it refuses, each field checked alone to say where. */
export function checkAddressForm(data: VaultData, values: AddressValues, replacing?: AddressEntry): AddressVerdict {
  try {
    return { entry: checkAddressEntry(data, toNewAddress(values), replacing), problems: {} };
  } catch (error) {
    return { problems: locateProblems(data, values, replacing, error) };
  }
}

function locateProblems(data: VaultData, values: AddressValues, replacing: AddressEntry | undefined, error: unknown) {
  const problems: Partial<Record<AddressField, Problem>> = {};
  const name = attempt(() => checkName(values.name, 'address'));
  if ('problem' in name) problems.name = name.problem;
  const network =
    values.network.trim() === ''
      ? { value: undefined }
      : attempt<Network | undefined>(() => findNetwork(values.network));
  if ('problem' in network) problems.network = network.problem;
  const typed = values.address.trim();
  if (typed === '') problems.address = { message: 'type or paste an address' };
  else {
    const address = attempt(() => checkAddressFor(typed, 'value' in network ? network.value : undefined));
    if ('problem' in address) problems.address = withoutAddress(address.problem, typed);
  }
  if (Object.keys(problems).length > 0) return problems;
  // Each field is fine alone: the book refused a duplicate of another entry.
  const others = data.addresses.filter((a) => a !== replacing);
  const field = others.some((a) => a.name === values.name.trim()) ? 'name' : 'address';
  return { [field]: describe(error) };
}

function attempt<T>(check: () => T): { value: T } | { problem: Problem } {
  try {
    return { value: check() };
  } catch (error) {
    return { problem: describe(error) };
  }
}

function describe(error: unknown): Problem {
  const { message, hint } = describeError(error);
  return hint ? { message, hint } : { message };
}

// The address is right above the message: repeating all 48 characters would only push it off the line.
function withoutAddress(problem: Problem, address: string): Problem {
  return { ...problem, message: problem.message.replace(`"${address}"`, 'this address') };
}
