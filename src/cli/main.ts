#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { describeError, UsageError } from '../errors.js';
import { printable } from '../printable.js';
import { VERSION } from '../version.js';
import { registerAccountCommands } from './commands/account.js';
import { registerAddressCommands } from './commands/address.js';
import { registerBackupCommands } from './commands/backup.js';
import { registerDrivesCommand } from './commands/drives.js';
import { registerIdentityCommands } from './commands/identity.js';
import { lazy } from './commands/lazy.js';
import { registerLedgerCommands } from './commands/ledger.js';
import { registerQrCommands } from './commands/qr.js';
import { registerVaultCommands } from './commands/vault.js';
import { takeSecretsFromEnvironment } from './secrets.js';

// First of all: passwords leave the environment, so nothing airlock starts inherits them.
takeSecretsFromEnvironment();

/** The command line's groups of commands, in the order `airlock --help` lists them. */
const COMMAND_GROUPS: readonly ((program: Command) => void)[] = [
  registerVaultCommands,
  registerIdentityCommands,
  registerAccountCommands,
  registerBackupCommands,
  registerAddressCommands,
  registerLedgerCommands,
  registerQrCommands,
  registerDrivesCommand,
];

const openApp = lazy(() => import('./app.js'), 'openApp');

export function buildProgram(): Command {
  // Commands inherit these settings when they are created, so they come before the groups:
  // every command throws instead of exiting, and main alone chooses the exit status.
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
      await openApp(options, command);
    })
    .exitOverride();
  for (const register of COMMAND_GROUPS) register(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    return report(error);
  }
}

/** Says on stderr what went wrong and returns the exit status: 2 for a usage error, else 1. */
function report(error: unknown): number {
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
    process.stderr.write(`${printable(String(error instanceof Error ? error.stack : error), { multiline: true })}\n`);
  return 1;
}

process.exitCode = await main(process.argv);
