import type { Command } from 'commander';
import * as actions from '../vault/actions.js';
import { findAddress } from '../vault/address-book.js';
import { printJson, printTable, say, withVault } from './context.js';

interface EntryOptions {
  name?: string;
  address?: string;
  network?: string;
  note?: string;
}

export async function addAddress(
  address: string,
  options: EntryOptions & { name: string },
  command: Command,
): Promise<void> {
  const entry = await withVault(command, (session) => actions.addAddress(session, { ...options, address }));
  say(`Added "${entry.name}" (${entry.network}): ${entry.address}`);
}

export async function editAddress(ref: string, options: EntryOptions, command: Command): Promise<void> {
  const entry = await withVault(command, (session) => {
    const current = findAddress(session.data, ref);
    return actions.editAddress(session, ref, {
      name: options.name ?? current.name,
      address: options.address ?? current.address,
      network: options.network ?? (options.address ? undefined : current.network),
      note: options.note ?? current.note,
    });
  });
  say(`Saved "${entry.name}" (${entry.network}): ${entry.address}`);
}

export async function listAddresses(options: { json?: boolean }, command: Command): Promise<void> {
  await withVault(command, ({ data }) => {
    const rows = data.addresses.map(({ name, address, network, note }) => ({ name, address, network, note }));
    if (options.json) return printJson(rows);
    if (rows.length === 0) return say('The address book is empty: `airlock address add --name NAME ADDRESS`.');
    printTable(
      ['NAME', 'ADDRESS', 'NETWORK', 'NOTE'],
      rows.map((r) => [r.name, r.address, r.network, r.note]),
    );
  });
}

export async function removeAddress(ref: string, _options: unknown, command: Command): Promise<void> {
  const removed = await withVault(command, (session) => actions.removeAddress(session, ref));
  say(`Removed "${removed.name}" from the address book.`);
}
