import type { Command } from 'commander';
import * as accounts from '../vault/accounts.js';
import * as actions from '../vault/actions.js';
import { readyAddressHashing, type KeyType } from '../vault/keys.js';
import { printJson, printResult, printTable, sayProse, withVault } from './context.js';

export async function deriveAccount(
  options: { identity: string; name: string; path?: string; type: KeyType; network?: string; json?: boolean },
  command: Command,
): Promise<void> {
  const view = await withVault(command, async (session) => {
    const account = await actions.deriveAccount(session, options);
    return accounts.viewAccount(session.data, account);
  });
  printResult(options.json, view, `Derived account "${view.name}": ${view.address}`);
}

export async function listAccounts(options: { json?: boolean }, command: Command): Promise<void> {
  // Readied while scrypt unlocks the vault, for the thousands of addresses after it.
  const hashing = readyAddressHashing();
  await withVault(command, async ({ data }) => {
    await hashing;
    const views = data.accounts.map((a) => accounts.viewAccount(data, a));
    if (options.json) return printJson(views);
    if (views.length === 0) return sayProse('No accounts yet: `airlock account derive --identity NAME --name NAME`.');
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

/** Under `--json`: the account as `account show` gives it, with the name it had. */
export async function renameAccount(
  oldName: string,
  newName: string,
  options: { json?: boolean },
  command: Command,
): Promise<void> {
  const view = await withVault(command, async (session) => {
    const { publicKey } = accounts.findAccount(session.data, oldName);
    await actions.renameAccount(session, oldName, newName);
    const renamed = session.data.accounts.find((a) => a.publicKey === publicKey)!;
    return accounts.viewAccount(session.data, renamed);
  });
  printResult(options.json, { ...view, previousName: oldName }, `Renamed account "${oldName}" to "${view.name}".`);
}

/** Under `--json`: the account removed, as `account show` gave it. */
export async function removeAccount(ref: string, options: { json?: boolean }, command: Command): Promise<void> {
  const view = await withVault(command, async (session) =>
    accounts.viewAccount(session.data, await actions.removeAccount(session, ref)),
  );
  printResult(options.json, view, `Removed account "${view.name}". It can be derived again from its identity.`);
}
