import { DamagedFileError, UserError } from '../errors.js';
import { checkAddressFor } from './address-check.js';
import {
  bad,
  BadEntry,
  entryLabel,
  knownNetwork,
  PUBLIC_KEY_BYTES,
  shown,
  structureProblem,
  type Content,
} from './check-content.js';
import { createKeyDeriver, type KeyDeriver } from './key-deriver.js';
import { displayPath, type KeyType } from './keys.js';
import type { Account, Identity } from './model.js';
import { findNetwork } from './networks.js';
import { keyFromPkcs8 } from './polkadot-js/pairs.js';

/**
 * A backup is checked as strictly as the vault's own writes are before anything of it is
 * planned: the rules of check-content.ts, and then the keys themselves. Every account of a
 * recovery phrase must be what the phrase derives at its path, every imported key's secret must
 * sign for its public key, every address must pass its checksum.
 */

/**
 * Far more than a backup of a real vault asks for (10,000 accounts of two junctions are 30,000):
 * one unit is a key derivation, a key's signature check or an address's checksum.
 */
export const MAX_KEY_WORK = 100_000;
/** A seed (2,048 rounds of PBKDF2) costs about as much as this many derivations. */
const SEED_WORK = 10;
/** The app stays responsive, and can cancel, while a large backup is checked. */
const ENTRIES_BETWEEN_PAUSES = 32;

export interface BackupCheckOptions {
  signal?: AbortSignal;
}

/** Throws a `DamagedFileError` naming the first bad entry of a backup (`what` names the file). */
export async function checkBackupContent(
  content: Content,
  what: string,
  options: BackupCheckOptions = {},
): Promise<void> {
  const problem = structureProblem(content) ?? (await keyProblem(content, what, options));
  if (problem)
    throw new DamagedFileError(
      `${what} is damaged: ${problem}`,
      'nothing was imported; use another copy of this backup',
    );
}

async function keyProblem(content: Content, what: string, { signal }: BackupCheckOptions): Promise<string | undefined> {
  const work = keyWork(content);
  if (work > MAX_KEY_WORK) {
    throw new UserError(
      `${what} asks for ${work.toLocaleString('en')} key derivations and checks, more than the ${MAX_KEY_WORK.toLocaleString('en')} airlock does for one file`,
      'export the vault it came from in parts (airlock export --account …) and import each',
    );
  }
  const identities = new Map(content.identities.map((identity) => [identity.id, identity]));
  const derivers = new Map<string, KeyDeriver>();
  let done = 0;
  const pause = async () => {
    if (++done % ENTRIES_BETWEEN_PAUSES !== 0) return;
    await new Promise((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
  };
  try {
    for (const [index, account] of content.accounts.entries()) {
      await pause();
      const identity = identities.get(account.identity)!;
      if (identity.kind !== 'mnemonic') continue;
      let deriver = derivers.get(identity.id);
      if (!deriver)
        derivers.set(identity.id, (deriver = await createKeyDeriver(identity.mnemonic, identity.passphrase)));
      checkDerived(index, account, identity, deriver);
    }
    for (const identity of content.identities) {
      if (identity.kind !== 'imported') continue;
      for (const key of identity.keys) {
        await pause();
        await checkImportedKey(identity, key, content.accounts);
      }
    }
    content.addresses.forEach(checkAddress);
    return undefined;
  } catch (error) {
    if (error instanceof BadEntry) return error.message;
    throw error;
  } finally {
    for (const deriver of derivers.values()) deriver.wipe();
  }
}

/** The derivations and checks the keys and addresses of `content` take, counted before any is done. */
function keyWork(content: Content): number {
  const kinds = new Map(content.identities.map((identity) => [identity.id, identity.kind]));
  const seeds = new Set<string>();
  let work = 0;
  for (const account of content.accounts) {
    if (kinds.get(account.identity) !== 'mnemonic') continue;
    work += 1 + (account.path.match(/\/+[^/]/gu)?.length ?? 0);
    seeds.add(`${account.identity} ${account.type} ${account.path.split('///')[1] ?? ''}`);
  }
  for (const identity of content.identities) if (identity.kind === 'imported') work += 2 * identity.keys.length;
  return work + SEED_WORK * seeds.size + content.addresses.length;
}

function checkDerived(index: number, account: Account, identity: Identity, deriver: KeyDeriver): void {
  let derived: string | undefined;
  try {
    derived = hex(deriver.publicKeyAt(account.path, account.type));
  } catch {
    derived = undefined;
  }
  if (derived !== account.publicKey) {
    const at = account.path === '' ? 'its root' : shown(displayPath(account.path));
    bad(
      entryLabel('account', account.name, index),
      `has a public key its identity "${shown(identity.name)}" does not derive at ${at}`,
    );
  }
}

async function checkImportedKey(
  identity: Identity,
  key: { publicKey: string; pkcs8: string },
  accounts: readonly Account[],
): Promise<void> {
  const index = accounts.findIndex((a) => a.identity === identity.id && a.publicKey === key.publicKey);
  const owner = accounts[index];
  // A key no account owns never comes in, but must still be a key: its type is one of its length's.
  const types: KeyType[] = owner
    ? [owner.type]
    : (Object.keys(PUBLIC_KEY_BYTES) as KeyType[]).filter((t) => 2 * PUBLIC_KEY_BYTES[t] === key.publicKey.length - 2);
  for (const type of types) {
    const plain = new Uint8Array(Buffer.from(key.pkcs8.slice(2), 'hex'));
    const opened = await keyFromPkcs8(plain, type);
    plain.fill(0);
    opened?.pkcs8.fill(0);
    if (opened && hex(opened.publicKey) === key.publicKey) return;
  }
  const entry = owner ? entryLabel('account', owner.name, index) : entryLabel('identity', identity.name, 0);
  bad(
    entry,
    owner
      ? `has a key in its identity "${shown(identity.name)}" whose secret does not sign for its public key`
      : `holds a key whose secret does not sign for its public key ${key.publicKey.slice(0, 10)}…`,
  );
}

function checkAddress(entry: Content['addresses'][number], index: number): void {
  const label = entryLabel('address', entry.name, index);
  let checked: ReturnType<typeof checkAddressFor>;
  try {
    checked = checkAddressFor(entry.address);
  } catch (error) {
    return bad(
      label,
      `is not a valid address: ${(error as Error).message.replace(/^"[^"]*" (is not a valid address: )?/u, '')}`,
    );
  }
  const network = knownNetwork(entry.network)!;
  // A prefix no network has is filed under the default network; a registered one under its own.
  if (checked.prefix !== undefined && knownPrefix(checked.prefix) && network.prefix !== checked.prefix) {
    bad(
      label,
      `is an address for SS58 prefix ${checked.prefix}, filed under ${network.name} (prefix ${network.prefix})`,
    );
  }
}

function knownPrefix(prefix: number): boolean {
  try {
    findNetwork(String(prefix));
    return true;
  } catch {
    return false;
  }
}

const hex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString('hex')}`;
