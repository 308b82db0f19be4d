import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { writeFileDurably } from '../media/durable-write.js';
import { fileExists } from '../media/file-exists.js';
import * as actions from '../vault/actions.js';
import { backupContent, formatReceipt, readBackup, writeBackup, type BackupContent } from '../vault/backup.js';
import { planImport, type PlannedEntry } from '../vault/import-plan.js';
import { VaultSession } from '../vault/store.js';
import { printJson, printTable, say, vaultPathOf } from './context.js';
import { readNewPassword, readPassword, VAULT_PASSWORD, type PasswordSource } from './secrets.js';

const BACKUP_PASSWORD: PasswordSource = { variable: 'AIRLOCK_BACKUP_PASSWORD', prompt: 'Backup password: ' };

interface ExportOptions {
  out: string;
  format: string;
  account?: string[];
  receipt?: boolean;
  force?: boolean;
  json?: boolean;
}

export async function exportBackup(options: ExportOptions, command: Command): Promise<void> {
  // Before any password is typed: refuse to replace a file unless told to.
  if (!options.force && (await fileExists(options.out))) {
    throw new UserError(`${options.out} already exists`, 'choose another --out, or add --force to replace it');
  }
  const vaultPassword = await readPassword(VAULT_PASSWORD);
  const session = await VaultSession.unlock(vaultPathOf(command), vaultPassword).catch((error: unknown) => {
    vaultPassword.fill(0);
    throw error;
  });
  try {
    const content = backupContent(session.data, options.account ?? []);
    const password = await readNewPassword(BACKUP_PASSWORD, 'backup password');
    if (Buffer.from(password).equals(Buffer.from(vaultPassword))) {
      process.stderr.write('airlock: warning: the backup password is the vault password; anyone who learns one opens both\n');
    }
    vaultPassword.fill(0);
    const receipt = await writeBackup(options.out, content, password, { overwrite: options.force ?? false }).finally(() => password.fill(0));
    const text = formatReceipt(receipt);
    if (options.receipt) await writeFileDurably(`${options.out}.receipt.txt`, text, { mode: 0o644 });
    if (options.json) printJson(receipt);
    else process.stdout.write(text);
  } finally {
    vaultPassword.fill(0);
    session.close();
  }
}

export async function importBackup(file: string, options: { dryRun?: boolean; json?: boolean }, command: Command): Promise<void> {
  const password = await readPassword(BACKUP_PASSWORD);
  const { content } = await readBackup(file, password).finally(() => password.fill(0));
  const vaultPath = vaultPathOf(command);
  // The backup drill works without a vault: it proves the file decrypts and shows what it holds.
  if (options.dryRun && !(await fileExists(vaultPath))) return report(file, asNew(content), true, options.json);

  const vaultPassword = await readPassword(VAULT_PASSWORD);
  const session = await VaultSession.unlock(vaultPath, vaultPassword).finally(() => vaultPassword.fill(0));
  try {
    const entries = options.dryRun ? planImport(session.data, content).entries : await actions.importBackup(session, content);
    report(file, entries, options.dryRun ?? false, options.json);
  } finally {
    session.close();
  }
}

/** Without a vault to merge into, everything in the backup would be added as it is. */
function asNew(content: BackupContent): PlannedEntry[] {
  const add = (kind: PlannedEntry['kind']) => (e: { name: string }): PlannedEntry => ({ kind, name: e.name, action: 'add' });
  return [...content.identities.map(add('identity')), ...content.accounts.map(add('account')), ...content.addresses.map(add('address'))];
}

function report(file: string, entries: PlannedEntry[], dryRun: boolean, json?: boolean): void {
  if (json) return printJson({ file, dryRun, entries });
  const added = entries.filter((e) => e.action === 'add').length;
  say(`Backup ${file} decrypts and holds ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}.`);
  printTable(
    ['KIND', 'NAME', dryRun ? 'WOULD' : 'DONE'],
    entries.map((e) => [e.kind, e.name, describe(e)]),
  );
  say(dryRun ? `Dry run: nothing was changed (${added} would be added).` : `Imported ${added}; the rest were already in the vault.`);
}

function describe(entry: PlannedEntry): string {
  if (entry.action === 'skip') return `skip: already in the vault as "${entry.existing}"`;
  return entry.as ? `add as "${entry.as}" (the name is taken)` : 'add';
}
