import type { BackupContent } from './backup.js';
import { nameFromFile } from './names.js';
import type { Identity, ImportedKey, VaultData } from './model.js';

/** What importing one entry will do: add it (perhaps under another name), or skip it. */
export interface PlannedEntry {
  kind: 'identity' | 'account' | 'address';
  /** The name as the file has it, which may hold control characters: shown through `printable`. */
  name: string;
  action: 'add' | 'skip';
  /** The name it will have when its own is taken. */
  as?: string;
  /** Why it is skipped: the entry already in the vault… */
  existing?: string;
  /** …or another reason, such as a key file's account that did not open. */
  reason?: string;
  /** Never part of the merge: an account of a key file that did not open or that airlock cannot take. */
  leftOut?: true;
}

export interface ImportPlan {
  entries: PlannedEntry[];
  /** The vault with everything added; `data` itself when nothing is. */
  data: VaultData;
}

/**
 * Merges a backup into a vault: what is already there (the same words, the same public key,
 * the same address) is skipped; a name already taken gets a number.
 */
export function planImport(data: VaultData, incoming: BackupContent): ImportPlan {
  const entries: PlannedEntry[] = [];
  const identities = [...data.identities];
  const accounts = [...data.accounts];
  const addresses = [...data.addresses];
  // Looked up by key rather than searched: a backup may hold tens of thousands of entries.
  const identityByKey = new Map(identities.map((i, at) => [identityKey(i), at]));
  const accountByKey = new Map(accounts.map((a) => [a.publicKey, a]));
  const addressByText = new Map(addresses.map((a) => [a.address.toLowerCase(), a]));
  const names = {
    identity: new FreeNames(identities),
    account: new FreeNames(accounts),
    address: new FreeNames(addresses),
  };
  const incomingAccountsOf = groupBy(incoming.accounts, (a) => a.identity);
  // Accounts follow their identity to the id it has in this vault.
  const identityIds = new Map<string, string>();
  const knownKeys = new Set(accountByKey.keys());
  const newKeys = (identity: Extract<Identity, { kind: 'imported' }>): ImportedKey[] => {
    // Only the keys of accounts that are added come in: a key no account owns, or one already here, does not.
    const owned = new Set((incomingAccountsOf.get(identity.id) ?? []).map((a) => a.publicKey));
    return identity.keys.filter((k) => owned.has(k.publicKey) && !knownKeys.has(k.publicKey));
  };

  for (const identity of incoming.identities) {
    const at = identityByKey.get(identityKey(identity));
    const same = at === undefined ? undefined : identities[at]!;
    if (same) {
      identityIds.set(identity.id, same.id);
      entries.push({ kind: 'identity', name: identity.name, action: 'skip', existing: same.name });
      const more = same.kind === 'imported' && identity.kind === 'imported' ? newKeys(identity) : [];
      if (same.kind === 'imported' && more.length > 0) identities[at!] = { ...same, keys: mergeKeys(same.keys, more) };
      continue;
    }
    if (
      identity.kind === 'imported' &&
      !(incomingAccountsOf.get(identity.id) ?? []).some((a) => !knownKeys.has(a.publicKey))
    ) {
      entries.push({
        kind: 'identity',
        name: identity.name,
        action: 'skip',
        reason: 'its accounts are all in the vault already',
      });
      continue;
    }
    const name = names.identity.take(identity.name);
    const added = identity.kind === 'imported' ? { ...identity, name, keys: newKeys(identity) } : { ...identity, name };
    identityByKey.set(identityKey(added), identities.push(added) - 1);
    identityIds.set(identity.id, identity.id);
    entries.push({
      kind: 'identity',
      name: identity.name,
      action: 'add',
      ...(name !== identity.name ? { as: name } : {}),
    });
  }
  for (const account of incoming.accounts) {
    const same = accountByKey.get(account.publicKey);
    if (same) {
      entries.push({ kind: 'account', name: account.name, action: 'skip', existing: same.name });
      continue;
    }
    const name = names.account.take(account.name);
    const added = { ...account, name, identity: identityIds.get(account.identity) ?? account.identity };
    accounts.push(added);
    accountByKey.set(added.publicKey, added);
    entries.push({
      kind: 'account',
      name: account.name,
      action: 'add',
      ...(name !== account.name ? { as: name } : {}),
    });
  }
  for (const entry of incoming.addresses) {
    const same = addressByText.get(entry.address.toLowerCase());
    if (same) {
      entries.push({ kind: 'address', name: entry.name, action: 'skip', existing: same.name });
      continue;
    }
    const name = names.address.take(entry.name);
    const added = { ...entry, name };
    addresses.push(added);
    addressByText.set(added.address.toLowerCase(), added);
    entries.push({ kind: 'address', name: entry.name, action: 'add', ...(name !== entry.name ? { as: name } : {}) });
  }
  // Nothing added is nothing to write: the vault, and its previous generation, stay as they are.
  const changed =
    entries.some((e) => e.action === 'add') || identities.some((identity, i) => identity !== data.identities[i]);
  return { entries, data: changed ? { ...data, identities, accounts, addresses } : data };
}

function mergeKeys(keys: readonly ImportedKey[], more: readonly ImportedKey[]): ImportedKey[] {
  const have = new Set(keys.map((k) => k.publicKey));
  return [...keys, ...more.filter((k) => !have.has(k.publicKey))];
}

/** What makes two identities the same: the words (and a Ledger passphrase, which makes other keys of them), else the id. */
function identityKey(identity: Identity): string {
  return identity.kind === 'mnemonic'
    ? `words\0${identity.mnemonic}\0${identity.passphrase ?? ''}`
    : `id\0${identity.id}`;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The names of one kind of entry, handing out free ones as entries are added. */
class FreeNames {
  private readonly taken: Set<string>;
  /** The next number to try for a name, so that many entries of one name cost no more than one each. */
  private readonly next = new Map<string, number>();

  constructor(entries: readonly { name: string }[]) {
    this.taken = new Set(entries.map((e) => e.name));
  }

  /** `name`, or `name (2)`, `name (3)`… whichever is free; a name a file made unprintable is cleaned first. */
  take(given: string): string {
    const name = nameFromFile(given, 'imported');
    let free = name;
    for (let n = this.next.get(name) ?? 2; this.taken.has(free); n++) {
      free = `${name} (${n})`;
      this.next.set(name, n + 1);
    }
    this.taken.add(free);
    return free;
  }
}
