import type { Command } from 'commander';
import { AlreadyExistsError, NoTerminalError, WrongPasswordError } from '../errors.js';
import { writeFileDurably } from '../media/durable-write.js';
import { fileExists } from '../media/file-exists.js';
import { printable } from '../printable.js';
import * as actions from '../vault/actions.js';
import { formatReceipt } from '../vault/backup.js';
import type { ExportFormat } from '../vault/export-formats.js';
import { accountsToExport, exportBackup as writeExport } from '../vault/export.js';
import { planImport, type PlannedEntry } from '../vault/import-plan.js';
import { countImport, entryCount, importSummary } from '../vault/import-summary.js';
import { emptyVaultData } from '../vault/model.js';
import { nameFromFile } from '../vault/names.js';
import { leftOutEntries, openBackupFile, unlockBackupAccount, type OpenedBackup } from '../vault/open-backup.js';
import { VaultSession } from '../vault/store.js';
import { existingVaultPath, printJson, printTable, sayProse, vaultPathOf } from './context.js';
import { readNewPassword, readPassword, VAULT_PASSWORD, type PasswordSource } from './secrets.js';
import { askHidden, hasTerminal } from './terminal.js';

const BACKUP_PASSWORD: PasswordSource = { variable: 'AIRLOCK_BACKUP_PASSWORD', prompt: 'Backup password: ' };

interface ExportOptions {
  out: string;
  format: ExportFormat;
  account?: string[];
  receipt?: boolean;
  force?: boolean;
  json?: boolean;
}

export async function exportBackup(options: ExportOptions, command: Command): Promise<void> {
  // Before any password is typed: refuse to replace a file unless told to.
  if (!options.force && (await fileExists(options.out))) {
    throw new AlreadyExistsError(`${options.out} already exists`, 'choose another --out, or add --force to replace it');
  }
  const vaultPath = await existingVaultPath(command);
  const vaultPassword = await readPassword(VAULT_PASSWORD);
  const session = await VaultSession.unlock(vaultPath, vaultPassword).catch((error: unknown) => {
    vaultPassword.fill(0);
    throw error;
  });
  try {
    const request = { format: options.format, accounts: options.account ?? [], overwrite: options.force ?? false };
    accountsToExport(session.data, request);
    const password = await readNewPassword(BACKUP_PASSWORD, 'backup password');
    if (Buffer.from(password).equals(Buffer.from(vaultPassword))) {
      process.stderr.write(
        'airlock: warning: the backup password is the vault password; anyone who learns one opens both\n',
      );
    }
    vaultPassword.fill(0);
    // A polkadot.js batch derives every account's key: on a terminal, say how far it got.
    const live = process.stderr.isTTY;
    let counted = false;
    const onKeys = (done: number, total: number) => {
      counted = true;
      process.stderr.write(`\r\x1b[Kkeys derived: ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`);
    };
    const receipt = await writeExport(options.out, session.data, password, request, live ? { onKeys } : {}).finally(
      () => {
        password.fill(0);
        if (counted) process.stderr.write('\n');
      },
    );
    const text = formatReceipt(receipt);
    if (options.receipt) await writeFileDurably(`${options.out}.receipt.txt`, text, { mode: 0o644 });
    if (options.json) printJson(receipt);
    else process.stdout.write(text);
  } finally {
    vaultPassword.fill(0);
    session.close();
  }
}

export async function importBackup(
  file: string,
  options: { dryRun?: boolean; json?: boolean },
  command: Command,
): Promise<void> {
  const dryRun = options.dryRun ?? false;
  // The backup drill works without a vault: it proves the file decrypts and shows what it holds.
  // An import needs one, and says so before any password is asked for.
  const vaultPath = dryRun ? vaultPathOf(command) : await existingVaultPath(command);
  const password = await readPassword(BACKUP_PASSWORD);
  let opened = await openBackupFile(file, password).finally(() => password.fill(0));
  opened = await openLockedAccounts(opened, dryRun);
  if (dryRun && !(await fileExists(vaultPath))) {
    // Planned against an empty vault: the names the entries would be kept under show too.
    return report(
      opened,
      [...planImport(emptyVaultData(), opened.content).entries, ...leftOutEntries(opened)],
      true,
      options.json,
    );
  }

  const vaultPassword = await readPassword(VAULT_PASSWORD);
  const session = await VaultSession.unlock(vaultPath, vaultPassword).finally(() => vaultPassword.fill(0));
  try {
    const entries = dryRun
      ? planImport(session.data, opened.content).entries
      : await actions.importBackup(session, opened.content);
    report(opened, [...entries, ...leftOutEntries(opened)], dryRun, options.json);
  } finally {
    session.close();
  }
}

/**
 * Accounts of a polkadot.js batch with passwords of their own: asked for one by one at the
 * terminal (Enter leaves one out). Without a terminal a dry run lists them; an import refuses.
 */
async function openLockedAccounts(opened: OpenedBackup, dryRun: boolean): Promise<OpenedBackup> {
  if (opened.locked.length === 0) return opened;
  if (!hasTerminal()) {
    if (dryRun) return opened;
    const [which, them] =
      opened.locked.length === 1
        ? ['1 account', 'has a password of its own, and there is no terminal to ask for it']
        : [`${opened.locked.length} accounts`, 'have passwords of their own, and there is no terminal to ask for them'];
    throw new NoTerminalError(
      `${which} in ${opened.file} ${them}`,
      'run airlock import at a terminal; nothing was changed',
    );
  }
  const [count, has] =
    opened.locked.length === 1 ? ['1 account', 'it has'] : [`${opened.locked.length} accounts`, 'each has'];
  process.stderr.write(`${count} did not open with that password: ${has} its own.\n`);
  for (const locked of [...opened.locked]) {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const label = printable(`${locked.name ? `"${locked.name}" ` : ''}${locked.address}`);
      const own = await askHidden(`Password for ${label} (Enter to leave it out): `);
      if (own.length === 0) break;
      try {
        opened = await unlockBackupAccount(opened, locked, own);
        break;
      } catch (error) {
        if (!(error instanceof WrongPasswordError)) throw error;
        process.stderr.write('That password does not open it.\n');
      } finally {
        own.fill(0);
      }
    }
  }
  return opened;
}

const FORMAT_NAMES: Record<OpenedBackup['format'], string> = {
  airlock: 'Backup',
  'polkadot-js': 'polkadot.js account file',
  'polkadot-js-batch': 'polkadot.js "export all accounts" file',
  'polkadot-js-list': 'polkadot.js apps accounts file',
};

function report(opened: OpenedBackup, entries: PlannedEntry[], dryRun: boolean, json?: boolean): void {
  const { file, format } = opened;
  if (json) return printJson({ file, format, dryRun, ...countImport(entries), entries });
  sayProse(`${FORMAT_NAMES[format]} ${file} decrypts and holds ${entryCount(entries.length)}.`);
  printTable(
    ['KIND', 'NAME', dryRun ? 'WOULD' : 'DONE'],
    // A name as the file has it, escaped, so the user sees what the backup holds; `describe` gives the name it is kept under.
    entries.map((e) => [e.kind, printable(e.name), describe(e)]),
  );
  sayProse(
    dryRun ? `Dry run: nothing was changed. ${importSummary(entries, 'would')}` : importSummary(entries, 'done'),
  );
}

function describe(entry: PlannedEntry): string {
  if (entry.leftOut) return `leave out: ${entry.reason ?? ''}`;
  if (entry.action === 'skip') return `skip: ${entry.reason ?? `already in the vault as "${entry.existing}"`}`;
  if (!entry.as) return 'add';
  const cleaned = nameFromFile(entry.name, entry.as) === entry.as;
  return `add as "${entry.as}" (${cleaned ? 'the name cleaned and cut to fit' : 'the name is taken'})`;
}
