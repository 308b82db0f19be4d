import type { Command } from 'commander';
import { lazy } from './lazy.js';

const address = () => import('../address.js');

export function registerAddressCommands(program: Command): void {
  const group = program.command('address').description('the address book: watch-only addresses');
  group
    .command('add')
    .description('add an address (checksum and, with --network, prefix checked)')
    .requiredOption('--name <name>', 'name of the entry')
    .option('--network <network>', 'network the address must belong to')
    .option('--note <text>', 'a note kept with the entry')
    .argument('<address>')
    .option('--json', 'one JSON document')
    .action(lazy(address, 'addAddress'));
  group
    .command('edit')
    .description('change an entry: its name, address, network or note')
    .argument('<address-or-name>')
    .option('--name <name>', 'new name')
    .option('--address <address>', 'new address')
    .option('--network <network>', 'network the address must belong to')
    .option('--note <text>', 'new note')
    .option('--json', 'one JSON document')
    .action(lazy(address, 'editAddress'));
  group
    .command('list')
    .description('list the address book')
    .option('--json', 'one JSON document')
    .action(lazy(address, 'listAddresses'));
  group
    .command('remove')
    .description('remove an entry')
    .argument('<address-or-name>')
    .option('--json', 'one JSON document')
    .action(lazy(address, 'removeAddress'));
}
