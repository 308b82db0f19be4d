import { Option, type Command } from 'commander';
import { EXPORT_FORMATS } from '../../vault/export-formats.js';
import { lazy } from './lazy.js';

const backup = () => import('../backup.js');

export function registerBackupCommands(program: Command): void {
  program
    .command('export')
    .description('write a password-protected backup, then read it back and verify it')
    .requiredOption('--out <file>', 'the backup file to write (see `airlock drives` for removable media)')
    .addOption(new Option('--format <format>', 'backup format').choices(EXPORT_FORMATS).default('airlock'))
    .option(
      '--account <address-or-name...>',
      'only these accounts (and their identities); default: the whole vault, or every account',
    )
    .option('--receipt', 'also write FILE.receipt.txt beside it (no secrets in it)')
    .option('--force', 'replace FILE if it exists')
    .option('--json', 'the receipt as one JSON document')
    .action(lazy(backup, 'exportBackup'));
  program
    .command('import')
    .description('merge a backup into the vault, after showing what it holds; --dry-run changes nothing')
    .argument('<file>')
    .option('--dry-run', 'only decrypt the backup and show what would be added (the backup drill)')
    .option('--json', 'one JSON document')
    .action(lazy(backup, 'importBackup'));
}
