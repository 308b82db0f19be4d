import { Option, type Command } from 'commander';
import { lazy } from './lazy.js';

const ledger = () => import('../ledger.js');

const transportOption = () =>
  new Option(
    '--transport <transport>',
    "hid (a Ledger on USB) or speculos://HOST:PORT (the emulator's APDU port)",
  ).default('hid');

const timeoutOption = (seconds: string) =>
  new Option('--timeout <seconds>', 'how long to wait for the device to answer').default(seconds);

export function registerLedgerCommands(program: Command): void {
  const group = program
    .command('ledger')
    .description('accounts of a Ledger: found on the device, or recovered offline from its words');
  group
    .command('scan')
    .description('read the addresses of accounts 0..N-1 from the Polkadot app (public keys only)')
    .addOption(transportOption())
    .option('--accounts <count>', 'how many accounts to read, from account 0', '5')
    .option('--index <index>', 'address index within each account', '0')
    .option(
      '--network <network>',
      'network to encode addresses for (default: substrate; with --save, the vault default)',
    )
    .option('--save <identity>', 'save them as a ledger identity of that name (accounts IDENTITY-0, IDENTITY-1, …)')
    .addOption(timeoutOption('30'))
    .option('--json', 'one JSON document')
    .action(lazy(ledger, 'scan'));
  group
    .command('show')
    .description('have the Ledger display one address, to compare it with what airlock shows')
    .addOption(transportOption())
    .option('--account <account>', 'account number', '0')
    .option('--index <index>', 'address index within the account', '0')
    .option('--network <network>', 'network to encode the address for (default: substrate)')
    .addOption(timeoutOption('120'))
    .option('--json', 'one JSON document')
    .action(lazy(ledger, 'show'));
  group
    .command('recover')
    .description(
      "derive a Ledger's accounts offline from its recovery phrase (read from stdin), so they sign without it",
    )
    .requiredOption('--name <name>', 'name of the new identity')
    .option('--accounts <count>', 'how many accounts to derive, from account 0', '5')
    .option('--index <index>', 'address index within each account', '0')
    .option('--network <network>', 'network for the accounts (default: the vault default)')
    .option(
      '--passphrase',
      'the Ledger has a passphrase (its "25th word"): ask for it, hidden (scripts: $AIRLOCK_LEDGER_PASSPHRASE or _FILE)',
    )
    .option('--json', 'one JSON document')
    .action(lazy(ledger, 'recover'));
}
