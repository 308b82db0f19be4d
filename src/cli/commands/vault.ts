import type { Command } from 'commander';
import { lazy } from './lazy.js';

const vault = () => import('../vault.js');

export function registerVaultCommands(program: Command): void {
  program
    .command('init')
    .description('create a new, empty vault')
    .option('--json', 'one JSON document')
    .action(lazy(vault, 'init'));
  program
    .command('passwd')
    .description('change the vault password')
    .option('--json', 'one JSON document')
    .action(lazy(vault, 'passwd'));
  program
    .command('settings')
    .description('show the vault settings, or change them')
    .option('--default-network <network>', 'network for new accounts and addresses (name or SS58 prefix)')
    .option('--lock-after <minutes>', 'lock the full-screen app after this many minutes without a key (0: never)')
    .option('--json', 'one JSON document')
    .action(lazy(vault, 'settings'));
}
