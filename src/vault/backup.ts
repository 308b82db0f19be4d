import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { AlreadyExistsError, DamagedFileError, UserError } from '../errors.js';
import { fileExists } from '../media/file-exists.js';
import { explainReadError, readRegularFile } from '../media/read-regular-file.js';
import { explainWriteError, removeOldTemps, writeFileDurably } from '../media/durable-write.js';
import { findAccount } from './accounts.js';
import { checkBackupContent, type BackupCheckOptions } from './check-keys.js';
import { createKey, open, parseEnvelope, seal, unlockKey, wipeKey } from './envelope.js';
import type { ExportFormat } from './export-formats.js';
import { AccountSchema, AddressEntrySchema, IdentitySchema, type VaultData } from './model.js';

/**
 * An airlock backup: identities (with their words), accounts and the address book, sealed in
 * the same envelope as the vault under a password of its own.
 */
export const BACKUP_FORMAT = 'airlock-backup';
/** Version 2 carries imported keys, version 3 Ledger passphrases: an airlock reading an older version would drop them. */
export const BACKUP_VERSION = 3;
/**
 * A bigger file is refused unread. A backup of a vault of 10,000 accounts is 3 MB; with 10,000
 * imported keys, 10,000 address-book entries and 1 KiB notes besides, 25 MB. A dry-run import
 * of a backup at this limit peaks at about 400 MB of memory.
 */
const MAX_BACKUP_BYTES = 64 * 1024 * 1024;

const BackupContentSchema = z.object({
  identities: z.array(IdentitySchema),
  accounts: z.array(AccountSchema),
  addresses: z.array(AddressEntrySchema),
});
export type BackupContent = z.infer<typeof BackupContentSchema>;

/** The whole vault, or only the accounts named (with the identities they need; no address book). */
export function backupContent(data: VaultData, accountRefs: readonly string[] = []): BackupContent {
  if (accountRefs.length === 0)
    return { identities: data.identities, accounts: data.accounts, addresses: data.addresses };
  const accounts = [...new Set(accountRefs.map((ref) => findAccount(data, ref)))];
  const identityIds = new Set(accounts.map((a) => a.identity));
  const chosenKeys = new Set(accounts.map((a) => a.publicKey));
  // An imported identity's other keys belong to accounts that were not chosen: they stay behind.
  const identities = data.identities
    .filter((i) => identityIds.has(i.id))
    .map((i) => (i.kind === 'imported' ? { ...i, keys: i.keys.filter((k) => chosenKeys.has(k.publicKey)) } : i));
  return { identities, accounts, addresses: [] };
}

export interface Receipt {
  format: ExportFormat;
  file: string;
  bytes: number;
  sha256: string;
  identities: string[];
  accounts: string[];
  addresses: string[];
}

/**
 * Writes a backup durably, then reads it back from the medium, derives the key again from
 * the password and compares what it decrypts with what was meant: only then is it done.
 */
export async function writeBackup(
  path: string,
  content: BackupContent,
  password: Uint8Array,
  { overwrite = false }: { overwrite?: boolean } = {},
): Promise<Receipt> {
  await refuseToReplace(path, overwrite);
  const key = await createKey(password);
  let sealed: string;
  try {
    sealed = seal(BACKUP_FORMAT, BACKUP_VERSION, content, key);
  } finally {
    wipeKey(key);
  }
  const text = await writeVerified(path, sealed, async (written) => {
    const { content: readBack } = await decryptBackup(path, password, written);
    // The bytes read back are the bytes written (writeVerified checks): a difference here is not the medium's.
    if (!isDeepStrictEqual(readBack, content)) {
      throw new DamagedFileError(
        `${path} opens to something other than what was meant to go in it`,
        'nothing was kept; please report this, with the format and what you exported',
      );
    }
  });
  return receiptFor(path, text, 'airlock', content);
}

export async function refuseToReplace(path: string, overwrite: boolean): Promise<void> {
  if (!overwrite && (await fileExists(path))) {
    throw new AlreadyExistsError(`${path} already exists`, 'choose another name, or confirm replacing it');
  }
}

/**
 * Writes a file durably, reading it back from the medium for `verify` before it takes its
 * name: a file that does not verify is removed (it would be trusted, which is worse than
 * none) and an older file of that name stays as it was. Returns the text read back.
 */
export async function writeVerified(
  path: string,
  text: string,
  verify: (written: string) => Promise<void>,
): Promise<string> {
  // Temp files of an export whose medium was pulled mid-write; one in flight now is younger.
  await removeOldTemps(path, 10 * 60 * 1000);
  let written = '';
  const check = async (temp: string) => {
    // Failing to read back, or reading back other bytes than were written, is a failing medium.
    written = await readFile(temp, 'utf8').catch((error: unknown) => {
      throw explainWriteError(error, path);
    });
    if (written !== text) {
      throw new UserError(
        `verifying ${path} failed: it reads back differently from what was written`,
        'the medium may be failing: use another one',
      );
    }
    try {
      await verify(written);
    } catch (error) {
      // The bytes are the ones written: what is wrong lies in them, and the check says what with its own hint.
      throw error instanceof UserError
        ? new UserError(`verifying ${path} failed: ${error.message}`, error.hint)
        : error;
    }
  };
  await writeFileDurably(path, text, { mode: 0o600, verify: check });
  return written;
}

/**
 * Reads and decrypts a backup, and checks every entry of it as strictly as the vault's own
 * writes are (check-keys.ts): a file with one bad entry is refused whole, naming it. A wrong
 * password and a damaged file are told apart.
 */
export async function readBackup(
  path: string,
  password: Uint8Array,
  text?: string,
  options: BackupCheckOptions = {},
): Promise<{ content: BackupContent; text: string }> {
  const opened = await decryptBackup(path, password, text);
  await checkBackupContent(opened.content, `backup ${path}`, options);
  return opened;
}

/** A backup's content as it was sealed, unchecked: for reading back what was just written from the vault. */
async function decryptBackup(
  path: string,
  password: Uint8Array,
  text?: string,
): Promise<{ content: BackupContent; text: string }> {
  text ??= await readBackupText(path);
  const envelope = parseEnvelope(text, BACKUP_FORMAT, `backup ${path}`);
  if (envelope.version > BACKUP_VERSION) {
    throw new UserError(
      `backup ${path} is version ${envelope.version}, written by a newer airlock`,
      'open it with the newer airlock',
    );
  }
  const key = await unlockKey(envelope, password, `backup ${path}`);
  try {
    const parsed = BackupContentSchema.safeParse(open(envelope, key, `backup ${path}`));
    if (!parsed.success) throw new DamagedFileError(`backup ${path} holds data airlock cannot read`);
    return { content: parsed.data, text };
  } finally {
    wipeKey(key);
  }
}

/** A backup file's text; one too large to be a backup is refused before it is read. */
export async function readBackupText(path: string): Promise<string> {
  try {
    const tooLarge = (size: number) => new DamagedFileError(`${path} is ${size} bytes, too large to be a backup`);
    return (await readRegularFile(path, MAX_BACKUP_BYTES, tooLarge)).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new UserError(`no file at ${path}`, 'check the path, or whether the medium is mounted');
    if (code === 'EISDIR') throw new UserError(`${path} is a directory, not a backup file`);
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`cannot read ${path}: permission denied`);
    if (code === 'EIO' || code === 'ENODEV' || code === 'ENXIO') {
      throw new UserError(`cannot read ${path}: the medium failed or was removed`, 'reinsert the medium and try again');
    }
    throw explainReadError(path, error);
  }
}

export function receiptFor(file: string, text: string, format: ExportFormat, content: BackupContent): Receipt {
  return {
    format,
    file,
    bytes: Buffer.byteLength(text, 'utf8'),
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    identities: content.identities.map((i) => i.name),
    accounts: content.accounts.map((a) => a.name),
    addresses: content.addresses.map((a) => a.name),
  };
}

const FORMAT_NAMES: Record<ExportFormat, string> = {
  airlock: 'airlock backup',
  'polkadot-js': 'polkadot.js account file',
  'polkadot-js-batch': 'polkadot.js "export all accounts" file',
};

/** The receipt as text for people, and for the optional `.receipt.txt` beside a backup. No secrets. */
export function formatReceipt(receipt: Receipt, writtenAt = new Date()): string {
  const list = (names: string[]) => (names.length ? names.join(', ') : '(none)');
  return [
    `airlock backup receipt`,
    `file:        ${receipt.file}`,
    `format:      ${FORMAT_NAMES[receipt.format]}`,
    `written:     ${writtenAt.toISOString()}`,
    `size:        ${receipt.bytes} bytes`,
    `sha256:      ${receipt.sha256}`,
    `verified:    read back from the medium after writing, opened with the password, compared with the vault`,
    `identities:  ${receipt.identities.length}: ${list(receipt.identities)}`,
    `accounts:    ${receipt.accounts.length}: ${list(receipt.accounts)}`,
    `addresses:   ${receipt.addresses.length}: ${list(receipt.addresses)}`,
    '',
  ].join('\n');
}
