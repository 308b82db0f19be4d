import type { BackupContent } from './backup.js';
import { nameFromFile } from './names.js';
import type { Account, AddressEntry, Identity, ImportedKey, VaultData } from './model.js';

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
  // Accounts follow their identity to the id it has in this vault.
  const identityIds = new Map<string, string>();
  const knownKeys = new Set(data.accounts.map((a) => a.publicKey));

  for (const identity of incoming.identities) {
    const same = identities.find((i) => sameIdentity(i, identity));
    if (same) {
      identityIds.set(identity.id, same.id);
      entries.push({ kind: 'identity', name: identity.name, action: 'skip', existing: same.name });
      const more = same.kind === 'imported' && identity.kind === 'imported' ? newKeys(identity, incoming, knownKeys) : [];
      if (same.kind === 'imported' && more.length > 0) identities[identities.indexOf(same)] = { ...same, keys: mergeKeys(same.keys, more) };
      continue;
    }
    if (identity.kind === 'imported' && !incoming.accounts.some((a) => a.identity === identity.id && !knownKeys.has(a.publicKey))) {
      entries.push({ kind: 'identity', name: identity.name, action: 'skip', reason: 'its accounts are all in the vault already' });
      continue;
    }
    const name = freeName(identity.name, identities);
    // Only the keys of accounts that are added come in: a skipped account's key is in the vault already.
    identities.push(identity.kind === 'imported' ? { ...identity, name, keys: newKeys(identity, incoming, knownKeys) } : { ...identity, name });
    identityIds.set(identity.id, identity.id);
    entries.push({ kind: 'identity', name: identity.name, action: 'add', ...(name !== identity.name ? { as: name } : {}) });
  }
  for (const account of incoming.accounts) {
    const same = accounts.find((a) => a.publicKey === account.publicKey);
    if (same) {
      entries.push({ kind: 'account', name: account.name, action: 'skip', existing: same.name });
      continue;
    }
    const name = freeName(account.name, accounts);
    accounts.push({ ...account, name, identity: identityIds.get(account.identity) ?? account.identity });
    entries.push({ kind: 'account', name: account.name, action: 'add', ...(name !== account.name ? { as: name } : {}) });
  }
  for (const entry of incoming.addresses) {
    const same = addresses.find((a) => a.address.toLowerCase() === entry.address.toLowerCase());
    if (same) {
      entries.push({ kind: 'address', name: entry.name, action: 'skip', existing: same.name });
      continue;
    }
    const name = freeName(entry.name, addresses);
    addresses.push({ ...entry, name });
    entries.push({ kind: 'address', name: entry.name, action: 'add', ...(name !== entry.name ? { as: name } : {}) });
  }
  // Nothing added is nothing to write: the vault, and its previous generation, stay as they are.
  const changed = entries.some((e) => e.action === 'add') || identities.some((identity, i) => identity !== data.identities[i]);
  return { entries, data: changed ? { ...data, identities, accounts, addresses } : data };
}

/** The keys of the identity's incoming accounts that are new here: a key no account owns never comes in. */
function newKeys(identity: Extract<Identity, { kind: 'imported' }>, incoming: BackupContent, knownKeys: ReadonlySet<string>): ImportedKey[] {
  const owned = new Set(incoming.accounts.filter((a) => a.identity === identity.id).map((a) => a.publicKey));
  return identity.keys.filter((k) => owned.has(k.publicKey) && !knownKeys.has(k.publicKey));
}

function mergeKeys(keys: readonly ImportedKey[], more: readonly ImportedKey[]): ImportedKey[] {
  const have = new Set(keys.map((k) => k.publicKey));
  return [...keys, ...more.filter((k) => !have.has(k.publicKey))];
}

function sameIdentity(a: Identity, b: Identity): boolean {
  // A Ledger passphrase makes other keys of the same words: another identity.
  if (a.kind === 'mnemonic' && b.kind === 'mnemonic') return a.mnemonic === b.mnemonic && a.passphrase === b.passphrase;
  return a.id === b.id;
}

/** `name`, or `name (2)`, `name (3)`… whichever is free; a name a file made unprintable is cleaned first. */
function freeName(given: string, taken: readonly (Identity | Account | AddressEntry)[]): string {
  const name = nameFromFile(given, 'imported');
  const names = new Set(taken.map((t) => t.name));
  if (!names.has(name)) return name;
  for (let n = 2; ; n++) if (!names.has(`${name} (${n})`)) return `${name} (${n})`;
}
