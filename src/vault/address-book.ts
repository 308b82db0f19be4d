import { UserError } from '../errors.js';
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

/** Adds a watch-only entry after checking its checksum (and prefix, when a network is named). */
export function addAddress(data: VaultData, entry: NewAddress): { data: VaultData; entry: AddressEntry } {
  const name = checkName(entry.name, 'address');
  const network = entry.network === undefined ? undefined : findNetwork(entry.network);
  const { address, prefix } = checkAddressFor(entry.address, network);
  if (data.addresses.some((a) => a.name === name)) {
    throw new UserError(`an address named "${name}" already exists`, 'choose another name');
  }
  const twin = data.addresses.find((a) => a.address.toLowerCase() === address.toLowerCase());
  if (twin) throw new UserError(`this address is already in the address book as "${twin.name}"`);
  const added: AddressEntry = {
    name,
    address,
    network: (network ?? networkOfPrefix(prefix) ?? findNetwork(data.settings.defaultNetwork)).name,
    note: entry.note?.trim() ?? '',
    createdAt: new Date().toISOString(),
  };
  return { data: { ...data, addresses: [...data.addresses, added] }, entry: added };
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
  if (!entry) throw new UserError(`no address-book entry named or at "${ref}"`, 'list them with `airlock address list`');
  return entry;
}

export function removeAddress(data: VaultData, ref: string): { data: VaultData; entry: AddressEntry } {
  const entry = findAddress(data, ref);
  return { data: { ...data, addresses: data.addresses.filter((a) => a !== entry) }, entry };
}
