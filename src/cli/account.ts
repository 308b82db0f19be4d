import type { Command } from 'commander';
import * as accounts from '../vault/accounts.js';
import * as actions from '../vault/actions.js';
import { readyAddressHashing, type KeyType } from '../vault/keys.js';
import { printJson, printTable, say, withVault } from './context.js';

export async function deriveAccount(
  options: { identity: string; name: string; path?: string; type: KeyType; network?: string },
  command: Command,
): Promise<void> {
  const view = await withVault(command, async (session) => {
    const account = await actions.deriveAccount(session, options);
    return accounts.viewAccount(session.data, account);
  });
  say(`Derived account "${view.name}": ${view.address}`);
}

export async function listAccounts(options: { json?: boolean }, command: Command): Promise<void> {
  // Readied while scrypt unlocks the vault, for the thousands of addresses after it.
  const hashing = readyAddressHashing();
  await withVault(command, async ({ data }) => {
    await hashing;
    const views = data.accounts.map((a) => accounts.viewAccount(data, a));
    if (options.json) return printJson(views);
    if (views.length === 0) return say('No accounts yet: `airlock account derive --identity NAME --name NAME`.');
    printTable(
      ['NAME', 'ADDRESS', 'TYPE', 'PATH', 'NETWORK', 'IDENTITY'],
      views.map((v) => [v.name, v.address, v.type, v.path || '(root)', v.network, v.identity]),
    );
  });
}

export async function showAccount(
  ref: string,
  options: { network?: string; json?: boolean },
  command: Command,
): Promise<void> {
  await withVault(command, ({ data }) => {
    const view = accounts.viewAccount(data, accounts.findAccount(data, ref), options.network);
    if (options.json) return printJson(view);
    printTable(
      ['FIELD', 'VALUE'],
      [
        ['name', view.name],
        ['address', view.address],
        ['network', `${view.network} (SS58 prefix ${view.ss58Prefix})`],
        ['public key', view.publicKey],
        ['type', view.type],
        ['path', view.path || '(root)'],
        ['identity', view.identity],
      ],
    );
  });
}

export async function renameAccount(
  oldName: string,
  newName: string,
  _options: unknown,
  command: Command,
): Promise<void> {
  await withVault(command, (session) => actions.renameAccount(session, oldName, newName));
  say(`Renamed account "${oldName}" to "${newName}".`);
}

export async function removeAccount(ref: string, _options: unknown, command: Command): Promise<void> {
  const removed = await withVault(command, (session) => actions.removeAccount(session, ref));
  say(`Removed account "${removed.name}". It can be derived again from its identity.`);
}
