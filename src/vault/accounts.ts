import { AlreadyExistsError, NotFoundError, UserError } from '../errors.js';
import { ss58PrefixOf } from './address-check.js';
import { findIdentity } from './identities.js';
import { addressOf, checkPath, defaultPath, derivePublicKey, displayPath, type KeyType } from './keys.js';
import type { Account, VaultData } from './model.js';
import { checkName } from './names.js';
import { defaultNetworkFor, findNetwork, type Network } from './networks.js';

export interface DeriveRequest {
  identity: string;
  name: string;
  type: KeyType;
  path?: string;
  network?: string;
}

/**
 * Derives a key of a mnemonic identity and returns the account to record: its public key,
 * never its secret. Nothing changes; `addAccount` records it. Derivation takes a moment, so
 * callers do it before taking the vault lock (and the app shows it as a preview).
 */
export async function prepareAccount(data: VaultData, request: DeriveRequest): Promise<Account> {
  const name = checkName(request.name, 'account');
  const identity = findIdentity(data, request.identity);
  if (identity.kind !== 'mnemonic') {
    throw new UserError(`identity "${identity.name}" holds no recovery phrase to derive from (it is ${identity.kind})`);
  }
  assertFreeAccountName(data, name);
  const network = findNetwork(request.network ?? defaultNetworkFor(request.type, data.settings.defaultNetwork));
  const path = checkPath(request.path ?? defaultPath(request.type), request.type);
  const publicKey = `0x${Buffer.from(await derivePublicKey(identity.mnemonic, path, request.type, identity.passphrase)).toString('hex')}`;
  const account: Account = {
    name,
    identity: identity.id,
    type: request.type,
    path,
    publicKey,
    network: network.name,
    createdAt: new Date().toISOString(),
  };
  assertNewKey(data, account);
  return account;
}

/** Records a prepared account, checking again against the vault as it is now. */
export function addAccount(data: VaultData, account: Account): VaultData {
  if (!data.identities.some((i) => i.id === account.identity)) {
    throw new UserError(`the identity of account "${account.name}" is no longer in the vault`);
  }
  assertFreeAccountName(data, account.name);
  assertNewKey(data, account);
  return { ...data, accounts: [...data.accounts, account] };
}

function assertNewKey(data: VaultData, account: Account): void {
  const twin = data.accounts.find((a) => a.publicKey === account.publicKey);
  if (twin) {
    throw new AlreadyExistsError(
      `this key is already in the vault as account "${twin.name}"`,
      'derive with another path',
    );
  }
}

function assertFreeAccountName(data: VaultData, name: string): void {
  if (data.accounts.some((a) => a.name === name)) {
    throw new AlreadyExistsError(`an account named "${name}" already exists`, 'choose another name');
  }
}

function publicKeyBytes(account: Account): Uint8Array {
  return new Uint8Array(Buffer.from(account.publicKey.slice(2), 'hex'));
}

export function accountAddress(account: Account, network: Network = findNetwork(account.network)): string {
  return addressOf(publicKeyBytes(account), account.type, network.prefix);
}

/**
 * An account by name, by address in any network's format, or by public key. Addresses are
 * compared as the bytes they encode, so a Kusama address finds a Polkadot account.
 */
export function findAccount(data: VaultData, ref: string): Account {
  const byName = data.accounts.find((a) => a.name === ref);
  if (byName) return byName;
  const wanted = ref.trim();
  const found = data.accounts.find((a) => {
    if (a.publicKey === wanted.toLowerCase()) return true;
    if (a.type === 'ethereum') return accountAddress(a).toLowerCase() === wanted.toLowerCase();
    // Re-encode the account for the prefix the reference was written with.
    return samePrefixAddress(a, wanted) === wanted;
  });
  if (!found) {
    throw new NotFoundError(`no account named or at "${ref}"`, 'list them with `airlock account list`');
  }
  return found;
}

function samePrefixAddress(account: Account, address: string): string | undefined {
  try {
    return addressOf(publicKeyBytes(account), account.type, ss58PrefixOf(address));
  } catch {
    return undefined;
  }
}

export function renameAccount(data: VaultData, ref: string, newName: string): VaultData {
  const account = findAccount(data, ref);
  const name = checkName(newName, 'account');
  if (name === account.name) return data;
  assertFreeAccountName(data, name);
  return { ...data, accounts: data.accounts.map((a) => (a === account ? { ...a, name } : a)) };
}

/** Removes an account; an imported account's key goes with it, so no secret outlives its account. */
export function removeAccount(data: VaultData, ref: string): { data: VaultData; account: Account } {
  const account = findAccount(data, ref);
  const identities = data.identities.map((i) =>
    i.id === account.identity && i.kind === 'imported'
      ? { ...i, keys: i.keys.filter((k) => k.publicKey !== account.publicKey) }
      : i,
  );
  return { data: { ...data, identities, accounts: data.accounts.filter((a) => a !== account) }, account };
}

/** What lists and `show` print; the same object is the `--json` form. */
export interface AccountView {
  name: string;
  address: string;
  publicKey: string;
  type: KeyType;
  path: string;
  network: string;
  ss58Prefix: number;
  identity: string;
}

export function viewAccount(data: VaultData, account: Account, networkName?: string): AccountView {
  const network = findNetwork(networkName ?? account.network);
  const identity = data.identities.find((i) => i.id === account.identity);
  return {
    name: account.name,
    address: accountAddress(account, network),
    publicKey: account.publicKey,
    type: account.type,
    path: displayPath(account.path),
    network: network.name,
    ss58Prefix: network.prefix,
    identity: identity?.name ?? '',
  };
}
