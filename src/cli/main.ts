#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { describeError, UsageError } from '../errors.js';
import { printable } from '../printable.js';
import { EXPORT_FORMATS } from '../vault/export-formats.js';
import { VERSION } from '../version.js';
import { takeSecretsFromEnvironment } from './secrets.js';

// First of all: passwords leave the environment, so nothing airlock starts inherits them.
takeSecretsFromEnvironment();

/**
 * The command line. Each command's module is imported only when it runs, so `--version` and
 * `--help` load neither the crypto libraries nor the user interface.
 */
const lazy =
  <M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) =>
  async (...args: unknown[]) => {
    const action = (await load())[name] as unknown as (...a: unknown[]) => Promise<void>;
    await action(...args);
  };

const identity = () => import('./identity.js');
const account = () => import('./account.js');
const address = () => import('./address.js');
const vault = () => import('./vault.js');
const app = () => import('./app.js');
const backup = () => import('./backup.js');
const ledger = () => import('./ledger.js');
const qr = () => import('./qr.js');

export function buildProgram(): Command {
  const program = new Command('airlock')
    .description('An air-gapped wallet for Polkadot and Substrate chains.')
    .version(VERSION, '-V, --version')
    .option('--vault <path>', 'vault file (default: $AIRLOCK_VAULT, else $XDG_DATA_HOME/airlock/vault.json)')
    .showHelpAfterError('(run airlock --help for usage)')
    // Without a command, the full-screen app; a word that is no command is a usage error.
    .allowExcessArguments(true)
    .action(async (options: unknown, command: Command) => {
      const [word] = command.args;
      if (word !== undefined) throw new UsageError(`unknown command '${word}'`, 'run airlock --help for the commands');
      await lazy(app, 'openApp')(options, command);
    })
    .exitOverride();

  program.command('init').description('create a new, empty vault').action(lazy(vault, 'init'));
  program.command('passwd').description('change the vault password').action(lazy(vault, 'passwd'));
  program
    .command('settings')
    .description('show the vault settings, or change them')
    .option('--default-network <network>', 'network for new accounts and addresses (name or SS58 prefix)')
    .option('--json', 'one JSON document')
    .action(lazy(vault, 'settings'));

  const id = program.command('identity').description('recovery phrases and other roots of keys');
  id.command('new')
    .description('generate a new recovery phrase and show it once, on the terminal')
    .requiredOption('--name <name>', 'name of the identity')
    .addOption(new Option('--words <count>', 'number of words').choices(['12', '15', '18', '21', '24']).default('24'))
    .action(lazy(identity, 'newIdentity'));
  id.command('restore')
    .description('add an identity from a recovery phrase read from stdin (or typed, hidden)')
    .requiredOption('--name <name>', 'name of the identity')
    .action(lazy(identity, 'restoreIdentity'));
  id.command('list')
    .description('list identities')
    .option('--json', 'one JSON document')
    .action(lazy(identity, 'listIdentities'));
  id.command('rename')
    .description('rename an identity')
    .argument('<old>')
    .argument('<new>')
    .action(lazy(identity, 'renameIdentity'));
  id.command('remove')
    .description('remove an identity (asks to type its name)')
    .argument('<name>')
    .option('--with-accounts', 'also remove the accounts derived from it')
    .option('--yes', 'do not ask for confirmation (for scripts)')
    .action(lazy(identity, 'removeIdentity'));

  const acc = program.command('account').description('key pairs derived from identities');
  acc
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
    .action(lazy(account, 'deriveAccount'));
  acc
    .command('list')
    .description('list accounts')
    .option('--json', 'one JSON document')
    .action(lazy(account, 'listAccounts'));
  acc
    .command('show')
    .description('show one account, optionally as another network encodes it')
    .argument('<address-or-name>')
    .option('--network <network>', 'network name or SS58 prefix')
    .option('--json', 'one JSON document')
    .action(lazy(account, 'showAccount'));
  acc
    .command('rename')
    .description('rename an account')
    .argument('<old>')
    .argument('<new>')
    .action(lazy(account, 'renameAccount'));
  acc
    .command('remove')
    .description('remove an account')
    .argument('<address-or-name>')
    .action(lazy(account, 'removeAccount'));

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

  const book = program.command('address').description('the address book: watch-only addresses');
  book
    .command('add')
    .description('add an address (checksum and, with --network, prefix checked)')
    .requiredOption('--name <name>', 'name of the entry')
    .option('--network <network>', 'network the address must belong to')
    .option('--note <text>', 'a note kept with the entry')
    .argument('<address>')
    .action(lazy(address, 'addAddress'));
  book
    .command('edit')
    .description('change an entry: its name, address, network or note')
    .argument('<address-or-name>')
    .option('--name <name>', 'new name')
    .option('--address <address>', 'new address')
    .option('--network <network>', 'network the address must belong to')
    .option('--note <text>', 'new note')
    .action(lazy(address, 'editAddress'));
  book
    .command('list')
    .description('list the address book')
    .option('--json', 'one JSON document')
    .action(lazy(address, 'listAddresses'));
  book
    .command('remove')
    .description('remove an entry')
    .argument('<address-or-name>')
    .action(lazy(address, 'removeAddress'));

  const led = program
    .command('ledger')
    .description('accounts of a Ledger: found on the device, or recovered offline from its words');
  const transportOption = () =>
    new Option(
      '--transport <transport>',
      "hid (a Ledger on USB) or speculos://HOST:PORT (the emulator's APDU port)",
    ).default('hid');
  const timeoutOption = (seconds: string) =>
    new Option('--timeout <seconds>', 'how long to wait for the device to answer').default(seconds);
  led
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
  led
    .command('show')
    .description('have the Ledger display one address, to compare it with what airlock shows')
    .addOption(transportOption())
    .option('--account <account>', 'account number', '0')
    .option('--index <index>', 'address index within the account', '0')
    .option('--network <network>', 'network to encode the address for (default: substrate)')
    .addOption(timeoutOption('120'))
    .option('--json', 'one JSON document')
    .action(lazy(ledger, 'show'));
  led
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

  const code = program
    .command('qr')
    .description('across the air gap: QR codes out on the terminal, pictures of QR codes in');
  code
    .command('show')
    .description(
      "show an account's address as a QR code, or a file as animated QR frames (on the terminal's alternate screen)",
    )
    .option('--account <address-or-name>', 'the account whose address to show (substrate:ADDRESS:0xGENESIS:NAME)')
    .option('--network <network>', "the network to encode the address for (default: the account's)")
    .option('--file <file>', 'a file (a backup) to send as fountain-coded frames (ur:bytes)')
    .option(
      '--dense',
      'with --file: dense frames, about 1.4× faster, which only `airlock qr read` reads (f switches while showing)',
    )
    .option('--fps <n>', 'frames per second (default: 8)')
    .action(lazy(qr, 'showQr'));
  code
    .command('read')
    .description(
      'read QR codes from PNG or JPEG pictures and folders of them, in any order, or from a camera, and put the transfer together',
    )
    .argument('[picture-or-folder...]')
    .option(
      '--camera <device-or-video>',
      'read what a camera (/dev/video0) or a video file shows, through ffmpeg, until the transfer is complete',
    )
    .option('--out <file>', 'write what the codes carry to this file')
    .option('--force', 'replace --out if it exists')
    .action(lazy(qr, 'readQr'));

  program
    .command('drives')
    .description('list mounted removable drives (USB sticks, SD cards) to back up to')
    .option('--json', 'one JSON document')
    .action(lazy(() => import('./drives.js'), 'listDrives'));

  for (const command of [program, ...program.commands, ...program.commands.flatMap((c) => c.commands)]) {
    command.exitOverride();
  }
  return program;
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its message; help and version are not failures.
      return error.exitCode === 0 ? 0 : 2;
    }
    const { message, hint, expected } = describeError(error);
    // Messages quote files, codes and arguments: nothing in them may act on the terminal.
    const tell = (line: string) => process.stderr.write(`${printable(line)}\n`);
    if (error instanceof UsageError) {
      tell(`error: ${message}`);
      tell(`(${hint ?? 'run airlock --help for usage'})`);
      return 2;
    }
    // One line: what went wrong, then what to do about it.
    const advice = expected ? hint : 'this is a bug in airlock; please report it with the command you ran';
    tell(`airlock: ${expected ? '' : 'internal error: '}${message}${advice ? `; ${advice}` : ''}`);
    if (!expected && process.env.AIRLOCK_DEBUG)
      process.stderr.write(`${printable(String((error as Error).stack), { multiline: true })}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

process.exitCode = await main(process.argv);
