import type { Command } from 'commander';
import { lazy } from './lazy.js';

export function registerDrivesCommand(program: Command): void {
  program
    .command('drives')
    .description('list mounted removable drives (USB sticks, SD cards) to back up to')
    .option('--json', 'one JSON document')
    .action(lazy(() => import('../drives.js'), 'listDrives'));
}
