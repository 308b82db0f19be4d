import { UserError } from '../errors.js';
import { findAccount } from './accounts.js';
import { backupContent, receiptFor, refuseToReplace, writeBackup, writeVerified, type Receipt } from './backup.js';
import type { ExportFormat } from './export-formats.js';
import type { Account, VaultData } from './model.js';
import { findNetwork } from './networks.js';
import {
  decodeKeyFile,
  encodeAccountJson,
  encodeBatchJson,
  encodeExternalAccountJson,
  type AccountMeta,
  type BatchAccount,
  type DecodedKeyFile,
} from './polkadot-js.js';
import { addressOf } from './keys.js';

export interface ExportRequest {
  format: ExportFormat;
  /** Names, addresses or public keys; none means all (with the identities and address book, for airlock). */
  accounts?: readonly string[];
  overwrite?: boolean;
}

export interface ExportProgress {
  /** For a polkadot.js batch: each time one more account's key is derived (in worker threads). */
  onKeys?: (done: number, total: number) => void;
}

/**
 * Writes a backup in any format airlock writes, reads it back from the medium and checks it
 * against the vault before returning its receipt.
 */
export async function exportBackup(
  path: string,
  data: VaultData,
  password: Uint8Array,
  request: ExportRequest,
  progress: ExportProgress = {},
): Promise<Receipt> {
  const refs = request.accounts ?? [];
  const overwrite = request.overwrite ?? false;
  if (request.format === 'airlock') return writeBackup(path, backupContent(data, refs), password, { overwrite });

  const chosen = accountsToExport(data, request);
  await refuseToReplace(path, overwrite);
  const items = chosen.map((account) => keyFileAccount(data, account));
  const keyed = items.map(({ account }) => !('publicKey' in account));
  let json: unknown;
  try {
    json =
      request.format === 'polkadot-js'
        ? await singleFile(items[0]!, password)
        : await encodeBatchJson(items, password, progress.onKeys ? { onProgress: progress.onKeys } : {});
  } finally {
    wipeInputs(items);
  }
  const text = await writeVerified(path, `${JSON.stringify(json, null, 2)}\n`, (written) =>
    verifyKeyFile(path, written, password, chosen, keyed),
  );
  return receiptFor(path, text, request.format, { identities: [], accounts: chosen, addresses: [] });
}

/** The accounts a polkadot.js export would hold; throws before any password is asked when the request cannot be met. */
export function accountsToExport(data: VaultData, request: Pick<ExportRequest, 'format' | 'accounts'>): Account[] {
  const refs = request.accounts ?? [];
  const chosen = refs.length ? [...new Set(refs.map((ref) => findAccount(data, ref)))] : data.accounts;
  if (request.format === 'airlock') return chosen;
  if (chosen.length === 0) throw new UserError('there are no accounts to export');
  if (request.format === 'polkadot-js' && chosen.length !== 1) {
    throw new UserError(
      'a polkadot.js account file holds one account',
      'choose one account, or the polkadot.js batch format for several',
    );
  }
  return chosen;
}

/** What polkadot.js needs of an account: how to rebuild its key, or only its public key. */
function keyFileAccount(data: VaultData, account: Account): BatchAccount {
  const network = findNetwork(account.network);
  const identity = data.identities.find((i) => i.id === account.identity);
  const ss58Prefix = network.prefix;
  const meta: AccountMeta = {
    name: account.name,
    genesisHash: (network.genesisHash as `0x${string}` | undefined) ?? null,
    whenCreated: Date.parse(account.createdAt) || Date.now(),
    ...ledgerMeta(identity?.kind, account.path),
  };
  if (identity?.kind === 'mnemonic') {
    const passphrase = identity.passphrase === undefined ? {} : { passphrase: identity.passphrase };
    return {
      account: { phrase: identity.mnemonic, path: account.path, type: account.type, ss58Prefix, ...passphrase },
      meta,
    };
  }
  const key = identity?.kind === 'imported' ? identity.keys.find((k) => k.publicKey === account.publicKey) : undefined;
  if (key) return { account: { pkcs8: bytes(key.pkcs8), type: account.type, ss58Prefix }, meta };
  // Ledger and watch-only accounts: public key only, as polkadot.js stores external accounts.
  return { account: { publicKey: bytes(account.publicKey), type: account.type, ss58Prefix }, meta };
}

/** polkadot.js marks Ledger accounts so that its apps sign with the device. */
function ledgerMeta(kind: string | undefined, path: string): AccountMeta {
  const bip44 = /^m\/44'\/354'\/(\d+)'\/0'\/(\d+)'$/u.exec(path);
  if (kind !== 'ledger' || !bip44) return {};
  return { isHardware: true, hardwareType: 'ledger', accountIndex: Number(bip44[1]), addressOffset: Number(bip44[2]) };
}

function singleFile({ account, meta }: BatchAccount, password: Uint8Array) {
  if ('phrase' in account || 'pkcs8' in account) return encodeAccountJson(account, password, meta);
  return encodeExternalAccountJson(account, meta);
}

/**
 * The file must give back every account, in order, with its key where the vault has one. The
 * bytes read back are those written (see writeVerified), so a file that does not is no fault
 * of the medium: the vault's key for an account is not the account's.
 */
async function verifyKeyFile(
  path: string,
  text: string,
  password: Uint8Array,
  expected: readonly Account[],
  keyed: readonly boolean[],
): Promise<void> {
  const decoded = await decodeKeyFile(text, password, { what: path });
  try {
    const problem = keyFileProblem(decoded, expected, keyed);
    if (problem) throw new UserError(problem, WRONG_ENTRY_HINT);
  } finally {
    for (const account of decoded.accounts) account.secret?.wipe();
  }
}

const WRONG_ENTRY_HINT =
  "the vault's entry for that account is wrong: remove the account, then derive or import it again";

/** What of `expected` the decoded file does not give back, or undefined when it gives back all. */
function keyFileProblem(
  decoded: DecodedKeyFile,
  expected: readonly Account[],
  keyed: readonly boolean[],
): string | undefined {
  const [skipped] = decoded.skipped;
  if (skipped)
    return `account "${expected[skipped.index]?.name ?? skipped.name}" does not read back: ${skipped.reason}`;
  if (decoded.locked.length > 0 || decoded.accounts.length !== expected.length) {
    return `it reads back as ${decoded.accounts.length} accounts, not the ${expected.length} written`;
  }
  for (const [i, want] of expected.entries()) {
    const got = decoded.accounts[i]!;
    if (got.publicKey !== want.publicKey || got.type !== want.type) {
      const prefix = findNetwork(want.network).prefix;
      const own = addressOf(Buffer.from(want.publicKey.slice(2), 'hex'), want.type, prefix);
      return `the key the vault holds for account "${want.name}" is that of ${got.address}, not of the account's own address ${own}`;
    }
    if (got.name !== want.name || Boolean(got.secret) !== keyed[i])
      return `account "${want.name}" reads back with another name or without its key`;
  }
  return undefined;
}

function bytes(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex.slice(2), 'hex'));
}

function wipeInputs(items: readonly BatchAccount[]): void {
  for (const { account } of items) if ('pkcs8' in account) account.pkcs8.fill(0);
}
