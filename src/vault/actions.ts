import * as accounts from './accounts.js';
import * as book from './address-book.js';
import * as identities from './identities.js';
import type { BackupContent } from './backup.js';
import { planImport, type PlannedEntry } from './import-plan.js';
import { UserError } from '../errors.js';
import type { Account, AddressEntry, Identity, Settings, VaultData } from './model.js';
import { checkName } from './names.js';
import { findNetwork } from './networks.js';
import { isLockAfter, LOCK_AFTER_RULE } from './settings.js';
import type { VaultSession } from './store.js';

/**
 * Every change a user can make to a vault, each applied to the vault as it is on disk now
 * and saved atomically. The command line and the full-screen app both call these.
 */

export function saveMnemonicIdentity(session: VaultSession, name: string, phrase: string): Promise<Identity> {
  return session.update((data) => {
    const { data: next, identity } = identities.addMnemonicIdentity(data, name, phrase);
    return { data: next, result: identity };
  });
}

/** An account found on a Ledger or derived as one derives it: ed25519 on a BIP44 path. */
export interface LedgerAccountRecord {
  name: string;
  path: string;
  /** 0x hex. */
  publicKey: string;
  network: string;
}

/** Saves the accounts a Ledger gave as a `ledger` identity: public keys only, the keys stay on the device. */
export function saveLedgerIdentity(
  session: VaultSession,
  name: string,
  records: readonly LedgerAccountRecord[],
): Promise<{ identity: Identity; accounts: Account[] }> {
  return session.update((data) => withLedgerAccounts(identities.addLedgerIdentity(data, name), records));
}

/**
 * Saves a Ledger's recovery phrase (and passphrase) as a mnemonic identity with the accounts
 * derived from it, so they sign without the device. The records must come from that phrase.
 */
export function saveRecoveredLedgerIdentity(
  session: VaultSession,
  name: string,
  secret: { phrase: string; passphrase?: string },
  records: readonly LedgerAccountRecord[],
): Promise<{ identity: Identity; accounts: Account[] }> {
  return session.update((data) =>
    withLedgerAccounts(identities.addMnemonicIdentity(data, name, secret.phrase, secret.passphrase), records),
  );
}

function withLedgerAccounts(
  added: { data: VaultData; identity: Identity },
  records: readonly LedgerAccountRecord[],
): { data: VaultData; result: { identity: Identity; accounts: Account[] } } {
  const createdAt = new Date().toISOString();
  const saved = records.map((r): Account => ({
    ...r,
    name: checkName(r.name, 'account'),
    identity: added.identity.id,
    type: 'ed25519',
    createdAt,
  }));
  const data = saved.reduce((next, account) => accounts.addAccount(next, account), added.data);
  return { data, result: { identity: added.identity, accounts: saved } };
}

export function renameIdentity(session: VaultSession, oldName: string, newName: string): Promise<void> {
  return session.update((data) => ({ data: identities.renameIdentity(data, oldName, newName), result: undefined }));
}

/** Returns how many accounts went with it. */
export function removeIdentity(session: VaultSession, name: string, withAccounts: boolean): Promise<number> {
  return session.update((data) => {
    const outcome = identities.removeIdentity(data, name, { withAccounts });
    return { data: outcome.data, result: outcome.removedAccounts };
  });
}

/** Derives first (outside the lock: it takes a moment), then records. */
export async function deriveAccount(session: VaultSession, request: accounts.DeriveRequest): Promise<Account> {
  const account = await accounts.prepareAccount(session.data, request);
  return session.update((data) => ({ data: accounts.addAccount(data, account), result: account }));
}

export function renameAccount(session: VaultSession, ref: string, newName: string): Promise<void> {
  return session.update((data) => ({ data: accounts.renameAccount(data, ref, newName), result: undefined }));
}

export function removeAccount(session: VaultSession, ref: string): Promise<Account> {
  return session.update((data) => {
    const outcome = accounts.removeAccount(data, ref);
    return { data: outcome.data, result: outcome.account };
  });
}

export function addAddress(session: VaultSession, entry: book.NewAddress): Promise<AddressEntry> {
  return session.update((data) => {
    const outcome = book.addAddress(data, entry);
    return { data: outcome.data, result: outcome.entry };
  });
}

export function editAddress(session: VaultSession, ref: string, entry: book.NewAddress): Promise<AddressEntry> {
  return session.update((data) => {
    const outcome = book.editAddress(data, ref, entry);
    return { data: outcome.data, result: outcome.entry };
  });
}

export function removeAddress(session: VaultSession, ref: string): Promise<AddressEntry> {
  return session.update((data) => {
    const outcome = book.removeAddress(data, ref);
    return { data: outcome.data, result: outcome.entry };
  });
}

export async function setDefaultNetwork(session: VaultSession, network: string): Promise<string> {
  return (await changeSettings(session, { defaultNetwork: network })).defaultNetwork;
}

/** Changes the settings given, in one write; a network is named or given by its SS58 prefix. */
export async function changeSettings(
  session: VaultSession,
  change: { defaultNetwork?: string; lockAfterMinutes?: number },
): Promise<Settings> {
  const defaultNetwork = change.defaultNetwork === undefined ? undefined : findNetwork(change.defaultNetwork).name;
  const { lockAfterMinutes } = change;
  if (lockAfterMinutes !== undefined && !isLockAfter(lockAfterMinutes))
    throw new UserError(`the lock time must be ${LOCK_AFTER_RULE}, not ${lockAfterMinutes}`);
  return session.update((data) => {
    const settings = { ...data.settings };
    if (defaultNetwork !== undefined) settings.defaultNetwork = defaultNetwork;
    if (lockAfterMinutes !== undefined) settings.lockAfterMinutes = lockAfterMinutes;
    const same =
      settings.defaultNetwork === data.settings.defaultNetwork &&
      settings.lockAfterMinutes === data.settings.lockAfterMinutes;
    // Nothing changed, nothing written: the previous generation stays the one before a real change.
    return { data: same ? data : { ...data, settings }, result: settings };
  });
}

/** Merges a backup's content into the vault as it is now; returns what was done. */
export function importBackup(session: VaultSession, content: BackupContent): Promise<PlannedEntry[]> {
  return session.update((data) => {
    const plan = planImport(data, content);
    return { data: plan.data, result: plan.entries };
  });
}
