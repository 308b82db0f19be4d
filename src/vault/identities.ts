import { randomBytes } from 'node:crypto';
import { AlreadyExistsError, NotFoundError, UserError } from '../errors.js';
import type { Identity, VaultData } from './model.js';
import { checkName } from './names.js';

export function findIdentity(data: VaultData, name: string): Identity {
  const identity = data.identities.find((i) => i.name === name);
  if (!identity) {
    throw new NotFoundError(`no identity named "${name}"`, 'list them with `airlock identity list`');
  }
  return identity;
}

/** Checks a name for a new identity; returns it trimmed. */
export function checkNewIdentityName(data: VaultData, name: string): string {
  const clean = checkName(name, 'identity');
  assertFreeName(data, clean);
  return clean;
}

function assertFreeName(data: VaultData, name: string): void {
  if (data.identities.some((i) => i.name === name)) {
    throw new AlreadyExistsError(`an identity named "${name}" already exists`, 'choose another name');
  }
}

export function newIdentityId(): string {
  return randomBytes(8).toString('hex');
}

/**
 * Why `phrase` (checked with `checkMnemonic`) cannot be added again: the identity that holds it
 * already, named; undefined when it is new. Forms ask as soon as the checksum holds.
 */
export function phraseInVault(data: VaultData, phrase: string, passphrase?: string): string | undefined {
  const same = data.identities.find(
    (i) => i.kind === 'mnemonic' && i.mnemonic === phrase && i.passphrase === passphrase,
  );
  if (!same) return undefined;
  const what = passphrase === undefined ? 'this recovery phrase is' : 'this recovery phrase and passphrase are';
  return `${what} already in the vault as identity "${same.name}"`;
}

/**
 * Adds a mnemonic identity; `phrase` must already be checked with `checkMnemonic`. A Ledger
 * passphrase makes the same words another wallet, so only words and passphrase together repeat.
 */
export function addMnemonicIdentity(
  data: VaultData,
  name: string,
  phrase: string,
  passphrase?: string,
): { data: VaultData; identity: Identity } {
  const clean = checkNewIdentityName(data, name);
  const known = phraseInVault(data, phrase, passphrase);
  if (known) throw new AlreadyExistsError(known);
  const identity: Identity = {
    id: newIdentityId(),
    name: clean,
    kind: 'mnemonic',
    mnemonic: phrase,
    ...(passphrase === undefined ? {} : { passphrase }),
    createdAt: new Date().toISOString(),
  };
  return { data: { ...data, identities: [...data.identities, identity] }, identity };
}

/** Adds a Ledger identity: the keys stay on the device, the vault keeps its accounts' public keys. */
export function addLedgerIdentity(data: VaultData, name: string): { data: VaultData; identity: Identity } {
  const identity: Identity = {
    id: newIdentityId(),
    name: checkNewIdentityName(data, name),
    kind: 'ledger',
    createdAt: new Date().toISOString(),
  };
  return { data: { ...data, identities: [...data.identities, identity] }, identity };
}

export function renameIdentity(data: VaultData, oldName: string, newName: string): VaultData {
  const identity = findIdentity(data, oldName);
  const clean = checkName(newName, 'identity');
  if (clean === identity.name) return data;
  assertFreeName(data, clean);
  return { ...data, identities: data.identities.map((i) => (i === identity ? { ...i, name: clean } : i)) };
}

export function accountsOfIdentity(data: VaultData, identity: Identity) {
  return data.accounts.filter((a) => a.identity === identity.id);
}

/**
 * Removes an identity. Its accounts would lose their keys, so removal is refused while any
 * remain, unless `withAccounts` says to remove them too.
 */
export function removeIdentity(
  data: VaultData,
  name: string,
  options: { withAccounts: boolean },
): { data: VaultData; identity: Identity; removedAccounts: number } {
  const identity = findIdentity(data, name);
  const dependants = accountsOfIdentity(data, identity);
  if (dependants.length > 0 && !options.withAccounts) {
    throw new UserError(
      `identity "${name}" has ${dependants.length} account${dependants.length === 1 ? '' : 's'}`,
      'remove them first, or remove them with it using --with-accounts',
    );
  }
  return {
    data: {
      ...data,
      identities: data.identities.filter((i) => i !== identity),
      accounts: data.accounts.filter((a) => a.identity !== identity.id),
    },
    identity,
    removedAccounts: dependants.length,
  };
}
