import { AlreadyExistsError, NotFoundError } from '../errors.js';
import { checkAddressFor } from './address-check.js';
import type { AddressEntry, VaultData } from './model.js';
import { checkName } from './names.js';
import { findNetwork } from './networks.js';

export interface NewAddress {
  name: string;
  address: string;
  network?: string;
  note?: string;
}

/** Checks an entry typed by a person against the book (less `replacing`, when editing it). */
export function checkAddressEntry(data: VaultData, entry: NewAddress, replacing?: AddressEntry): AddressEntry {
  const name = checkName(entry.name, 'address');
  const network = entry.network === undefined || entry.network === '' ? undefined : findNetwork(entry.network);
  const { address, prefix } = checkAddressFor(entry.address, network);
  const others = data.addresses.filter((a) => a !== replacing);
  if (others.some((a) => a.name === name)) {
    throw new AlreadyExistsError(`an address named "${name}" already exists`, 'choose another name');
  }
  const twin = others.find((a) => a.address.toLowerCase() === address.toLowerCase());
  if (twin) throw new AlreadyExistsError(`this address is already in the address book as "${twin.name}"`);
  return {
    name,
    address,
    network: (network ?? networkOfPrefix(prefix) ?? findNetwork(data.settings.defaultNetwork)).name,
    note: entry.note?.trim() ?? '',
    createdAt: replacing?.createdAt ?? new Date().toISOString(),
  };
}

/** Adds a watch-only entry after checking its checksum (and prefix, when a network is named). */
export function addAddress(data: VaultData, entry: NewAddress): { data: VaultData; entry: AddressEntry } {
  const added = checkAddressEntry(data, entry);
  return { data: { ...data, addresses: [...data.addresses, added] }, entry: added };
}

/** Replaces an entry's name, address, network or note, with the same checks as adding. */
export function editAddress(data: VaultData, ref: string, entry: NewAddress): { data: VaultData; entry: AddressEntry } {
  const current = findAddress(data, ref);
  const edited = checkAddressEntry(data, entry, current);
  return { data: { ...data, addresses: data.addresses.map((a) => (a === current ? edited : a)) }, entry: edited };
}

function networkOfPrefix(prefix: number | undefined) {
  if (prefix === undefined) return undefined;
  try {
    return findNetwork(String(prefix));
  } catch {
    return undefined;
  }
}

export function findAddress(data: VaultData, ref: string): AddressEntry {
  const entry =
    data.addresses.find((a) => a.name === ref) ??
    data.addresses.find((a) => a.address.toLowerCase() === ref.trim().toLowerCase());
  if (!entry)
    throw new NotFoundError(`no address-book entry named or at "${ref}"`, 'list them with `airlock address list`');
  return entry;
}

export function removeAddress(data: VaultData, ref: string): { data: VaultData; entry: AddressEntry } {
  const entry = findAddress(data, ref);
  return { data: { ...data, addresses: data.addresses.filter((a) => a !== entry) }, entry };
}
