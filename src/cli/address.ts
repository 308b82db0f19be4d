import type { Command } from 'commander';
import * as book from '../vault/address-book.js';
import { printJson, printTable, say, withVault } from './context.js';

export async function addAddress(address: string, options: { name: string; network?: string; note?: string }, command: Command): Promise<void> {
  const entry = await withVault(command, (session) =>
    session.update((data) => {
      const outcome = book.addAddress(data, { ...options, address });
      return { data: outcome.data, result: outcome.entry };
    }),
  );
  say(`Added "${entry.name}" (${entry.network}): ${entry.address}`);
}

export async function listAddresses(options: { json?: boolean }, command: Command): Promise<void> {
  await withVault(command, async ({ data }) => {
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
  const removed = await withVault(command, (session) =>
    session.update((data) => {
      const outcome = book.removeAddress(data, ref);
      return { data: outcome.data, result: outcome.entry.name };
    }),
  );
  say(`Removed "${removed}" from the address book.`);
}
