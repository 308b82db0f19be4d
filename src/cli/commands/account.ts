import { Option, type Command } from 'commander';
import { lazy } from './lazy.js';

const account = () => import('../account.js');

export function registerAccountCommands(program: Command): void {
  const group = program.command('account').description('key pairs derived from identities');
  group
    .command('derive')
    .description('derive an account from a mnemonic identity')
    .requiredOption('--identity <name>', 'identity to derive from')
    .requiredOption('--name <name>', 'name of the account')
    .option(
      '--path <path>',
      "derivation path: //hard/soft///password, or m/44'/60'/… for ethereum (default: root; ethereum m/44'/60'/0'/0/0)",
    )
    .addOption(
      new Option('--type <type>', 'key type').choices(['sr25519', 'ed25519', 'ecdsa', 'ethereum']).default('sr25519'),
    )
    .option('--network <network>', 'network name or SS58 prefix (default: the vault default, substrate)')
    .option('--json', 'one JSON document')
    .action(lazy(account, 'deriveAccount'));
  group
    .command('list')
    .description('list accounts')
    .option('--json', 'one JSON document')
    .action(lazy(account, 'listAccounts'));
  group
    .command('show')
    .description('show one account, optionally as another network encodes it')
    .argument('<address-or-name>')
    .option('--network <network>', 'network name or SS58 prefix')
    .option('--json', 'one JSON document')
    .action(lazy(account, 'showAccount'));
  group
    .command('rename')
    .description('rename an account')
    .argument('<old>')
    .argument('<new>')
    .option('--json', 'one JSON document')
    .action(lazy(account, 'renameAccount'));
  group
    .command('remove')
    .description('remove an account')
    .argument('<address-or-name>')
    .option('--json', 'one JSON document')
    .action(lazy(account, 'removeAccount'));
}
