import type { Command } from 'commander';
import * as actions from '../vault/actions.js';
import { findAddress } from '../vault/address-book.js';
import type { AddressEntry } from '../vault/model.js';
import { printJson, printResult, printTable, sayProse, withVault } from './context.js';

interface EntryOptions {
  name?: string;
  address?: string;
  network?: string;
  note?: string;
  json?: boolean;
}

/** An entry as `address list --json` gives it. */
const row = ({ name, address, network, note }: AddressEntry) => ({ name, address, network, note });

export async function addAddress(
  address: string,
  options: EntryOptions & { name: string },
  command: Command,
): Promise<void> {
  const { json, ...fields } = options;
  const entry = await withVault(command, (session) => actions.addAddress(session, { ...fields, address }));
  printResult(json, row(entry), `Added "${entry.name}" (${entry.network}): ${entry.address}`);
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
  printResult(options.json, row(entry), `Saved "${entry.name}" (${entry.network}): ${entry.address}`);
}

export async function listAddresses(options: { json?: boolean }, command: Command): Promise<void> {
  await withVault(command, ({ data }) => {
    const rows = data.addresses.map(row);
    if (options.json) return printJson(rows);
    if (rows.length === 0) return sayProse('The address book is empty: `airlock address add --name NAME ADDRESS`.');
    printTable(
      ['NAME', 'ADDRESS', 'NETWORK', 'NOTE'],
      rows.map((r) => [r.name, r.address, r.network, r.note]),
    );
  });
}

/** Under `--json`: the entry removed. */
export async function removeAddress(ref: string, options: { json?: boolean }, command: Command): Promise<void> {
  const removed = await withVault(command, (session) => actions.removeAddress(session, ref));
  printResult(options.json, row(removed), `Removed "${removed.name}" from the address book.`);
}
