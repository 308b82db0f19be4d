import { Option, type Command } from 'commander';
import { lazy } from './lazy.js';

const identity = () => import('../identity.js');

export function registerIdentityCommands(program: Command): void {
  const group = program.command('identity').description('recovery phrases and other roots of keys');
  group
    .command('new')
    .description('generate a new recovery phrase and show it once, on the terminal')
    .requiredOption('--name <name>', 'name of the identity')
    .addOption(new Option('--words <count>', 'number of words').choices(['12', '15', '18', '21', '24']).default('24'))
    .option('--json', 'one JSON document')
    .action(lazy(identity, 'newIdentity'));
  group
    .command('restore')
    .description('add an identity from a recovery phrase read from stdin (or typed, hidden)')
    .requiredOption('--name <name>', 'name of the identity')
    .option('--json', 'one JSON document')
    .action(lazy(identity, 'restoreIdentity'));
  group
    .command('list')
    .description('list identities')
    .option('--json', 'one JSON document')
    .action(lazy(identity, 'listIdentities'));
  group
    .command('rename')
    .description('rename an identity')
    .argument('<old>')
    .argument('<new>')
    .option('--json', 'one JSON document')
    .action(lazy(identity, 'renameIdentity'));
  group
    .command('remove')
    .description('remove an identity (asks to type its name)')
    .argument('<name>')
    .option('--with-accounts', 'also remove the accounts derived from it')
    .option('--yes', 'do not ask for confirmation (for scripts)')
    .option('--json', 'one JSON document')
    .action(lazy(identity, 'removeIdentity'));
}
