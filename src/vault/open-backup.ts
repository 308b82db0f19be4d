import { basename, extname } from 'node:path';
import { UserError } from '../errors.js';
import { readBackup, readBackupText, type BackupContent } from './backup.js';
import { newIdentityId } from './identities.js';
import type { PlannedEntry } from './import-plan.js';
import type { Account, Identity } from './model.js';
import { nameFromFile, textFromFile } from './names.js';
import { findNetwork, networkOfGenesis } from './networks.js';
import { ss58PrefixOf } from './address-check.js';
import {
  decodeKeyFile,
  unlockAccount,
  type DecodedAccount,
  type LockedAccount,
  type SkippedAccount,
} from './polkadot-js.js';

/** What a backup file turned out to be. */
export type BackupFormat = 'airlock' | 'polkadot-js' | 'polkadot-js-batch' | 'polkadot-js-list';

/**
 * A decrypted backup of any format airlock reads, as content to merge into a vault. A
 * polkadot.js file's keys become one `imported` identity named after the file.
 */
export interface OpenedBackup {
  file: string;
  format: BackupFormat;
  content: BackupContent;
  /** Accounts of a polkadot.js batch or list the password did not open: each has its own. */
  locked: LockedAccount[];
  /** Accounts airlock cannot take, with the reason. */
  skipped: SkippedAccount[];
}

const FORMAT_OF = { account: 'polkadot-js', batch: 'polkadot-js-batch', list: 'polkadot-js-list' } as const;

export interface OpenOptions {
  /** Network for accounts whose file names neither a known genesis hash nor an SS58 prefix. */
  defaultNetwork?: string;
  signal?: AbortSignal;
}

/** Reads and decrypts a backup, telling the formats apart by their content, not their name. */
export async function openBackupFile(
  path: string,
  password: Uint8Array,
  options: OpenOptions = {},
): Promise<OpenedBackup> {
  const text = await readBackupText(path);
  const kind = /"format"\s*:\s*"(airlock-[a-z]+)"/u.exec(text.slice(0, 1024))?.[1];
  if (kind === 'airlock-vault') {
    throw new UserError(
      `${path} is an airlock vault, not a backup`,
      `to use a copied vault, open it with --vault ${path}`,
    );
  }
  if (kind === 'airlock-backup') {
    const { content } = await readBackup(path, password, text, options.signal ? { signal: options.signal } : {});
    return { file: path, format: 'airlock', content, locked: [], skipped: [] };
  }
  const decoded = await decodeKeyFile(text, password, {
    what: path,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const opened: OpenedBackup = {
    file: path,
    format: FORMAT_OF[decoded.format],
    content: { identities: [importedIdentity(path)], accounts: [], addresses: [] },
    // What the file says of accounts it did not open reaches the terminal: cleaned like names.
    locked: decoded.locked.map((l) => ({ ...l, ...shown(l) })),
    skipped: decoded.skipped.map((s) => ({ ...s, ...shown(s) })),
  };
  return withAccounts(opened, decoded.accounts, options.defaultNetwork);
}

/** Opens one locked account with its own password; the others stay as they are. */
export async function unlockBackupAccount(
  opened: OpenedBackup,
  locked: LockedAccount,
  password: Uint8Array,
  options: OpenOptions = {},
): Promise<OpenedBackup> {
  const account = await unlockAccount(locked, password, { what: opened.file });
  return withAccounts(
    { ...opened, locked: opened.locked.filter((l) => l !== locked) },
    [account],
    options.defaultNetwork,
  );
}

function shown(account: { name: string | undefined; address: string }) {
  const address = textFromFile(account.address) || '(no address)';
  return { address, name: account.name === undefined ? undefined : nameFromFile(account.name, address) };
}

/** The accounts of a key file that will not come in, and why, as entries of an import plan. */
export function leftOutEntries(opened: OpenedBackup): PlannedEntry[] {
  const entry = (name: string | undefined, address: string, reason: string): PlannedEntry => ({
    kind: 'account',
    name: name ?? address,
    action: 'skip',
    reason,
    leftOut: true,
  });
  return [
    ...opened.locked.map((l) => entry(l.name, l.address, 'locked: it has a password of its own')),
    ...opened.skipped.map((s) => entry(s.name, s.address, s.reason)),
  ];
}

function importedIdentity(path: string): Identity {
  const name = nameFromFile(basename(path, extname(path)), 'polkadot.js file');
  return { id: newIdentityId(), name, kind: 'imported', keys: [], createdAt: new Date().toISOString() };
}

function withAccounts(opened: OpenedBackup, decoded: DecodedAccount[], defaultNetwork = 'substrate'): OpenedBackup {
  const [identity] = opened.content.identities;
  if (identity?.kind !== 'imported') throw new TypeError('opened: only a polkadot.js file has locked accounts');
  const keys = [...identity.keys];
  const accounts = [...opened.content.accounts];
  for (const account of decoded) {
    if (account.secret) {
      keys.push({ publicKey: account.publicKey, pkcs8: `0x${Buffer.from(account.secret.pkcs8).toString('hex')}` });
      account.secret.wipe();
    }
    accounts.push(importedAccount(account, identity.id, accounts.length, defaultNetwork));
  }
  return { ...opened, content: { ...opened.content, identities: [{ ...identity, keys }], accounts } };
}

function importedAccount(account: DecodedAccount, identity: string, index: number, defaultNetwork: string): Account {
  const created = typeof account.meta.whenCreated === 'number' ? new Date(account.meta.whenCreated) : new Date();
  return {
    name: nameFromFile(account.name, `imported ${index + 1}`),
    identity,
    type: account.type,
    path: '',
    publicKey: account.publicKey,
    network: networkOf(account, defaultNetwork),
    createdAt: (Number.isNaN(created.getTime()) ? new Date() : created).toISOString(),
  };
}

/** The network the file tied the account to: its genesis hash, else its address's SS58 prefix. */
function networkOf(account: DecodedAccount, defaultNetwork: string): string {
  const genesis = account.meta.genesisHash;
  const byGenesis = typeof genesis === 'string' ? networkOfGenesis(genesis) : undefined;
  if (byGenesis) return byGenesis.name;
  if (account.type === 'ethereum') return defaultNetwork;
  try {
    const prefix = ss58PrefixOf(account.address);
    // 42 is the generic prefix, what polkadot.js writes when no network was chosen.
    return prefix === 42 ? defaultNetwork : findNetwork(String(prefix)).name;
  } catch {
    return defaultNetwork;
  }
}
