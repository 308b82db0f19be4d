import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import * as actions from '../vault/actions.js';
import { findNetwork } from '../vault/networks.js';
import { describeLockAfter, LOCK_AFTER_RULE, parseLockAfter } from '../vault/settings.js';
import { checkNoVaultFile, VaultSession } from '../vault/store.js';
import { readNewPassword, VAULT_PASSWORD } from './secrets.js';
import { existingVaultPath, printJson, printResult, printTable, vaultPathOf, withVault } from './context.js';

/** Under `--json`: `{"vault": PATH}`, the vault created. */
export async function init(options: { json?: boolean }, command: Command): Promise<void> {
  const path = vaultPathOf(command);
  await checkNoVaultFile(path); // before the new password is typed twice for nothing
  const password = await readNewPassword(VAULT_PASSWORD, 'vault password');
  try {
    const session = await VaultSession.create(path, password);
    session.close();
  } finally {
    password.fill(0);
  }
  printResult(options.json, { vault: path }, `Created an empty vault at ${path}`);
}

/** Under `--json`: `{"vault": PATH}`, the vault whose password changed. */
export async function passwd(options: { json?: boolean }, command: Command): Promise<void> {
  const path = await existingVaultPath(command);
  await withVault(command, async (session) => {
    const next = await readNewPassword(
      { variable: 'AIRLOCK_NEW_PASSWORD', prompt: 'New vault password: ' },
      'vault password',
    );
    try {
      await session.changePassword(next);
    } finally {
      next.fill(0);
    }
  });
  printResult(options.json, { vault: path }, 'Vault password changed.');
}

export async function settings(
  options: { defaultNetwork?: string; lockAfter?: string; json?: boolean },
  command: Command,
): Promise<void> {
  // Refused before the password is asked: a typo should not cost an unlock.
  const lockAfterMinutes = options.lockAfter === undefined ? undefined : lockAfterOption(options.lockAfter);
  await withVault(command, async (session) => {
    if (options.defaultNetwork !== undefined || lockAfterMinutes !== undefined)
      await actions.changeSettings(session, { defaultNetwork: options.defaultNetwork, lockAfterMinutes });
    const { defaultNetwork, lockAfterMinutes: minutes } = session.data.settings;
    const network = findNetwork(defaultNetwork);
    const view = { defaultNetwork: network.name, ss58Prefix: network.prefix, lockAfterMinutes: minutes };
    if (options.json) return printJson(view);
    printTable(
      ['SETTING', 'VALUE'],
      [
        ['default network', `${network.name} (SS58 prefix ${network.prefix})`],
        ['lock after', describeLockAfter(minutes)],
      ],
    );
  });
}

function lockAfterOption(text: string): number {
  const minutes = parseLockAfter(text);
  if (minutes === undefined) throw new UsageError(`--lock-after must be ${LOCK_AFTER_RULE}, not "${text}"`);
  return minutes;
}
