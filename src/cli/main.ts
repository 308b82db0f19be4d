#!/usr/bin/env node
import { Command } from 'commander';
import { VERSION_TEXT } from '../version.js';
import { registerAccountCommands } from './commands/account.js';
import { registerAddressCommands } from './commands/address.js';
import { registerBackupCommands } from './commands/backup.js';
import { didYouMean } from './commands/did-you-mean.js';
import { registerDrivesCommand } from './commands/drives.js';
import { registerHelpCommand, unknownCommand } from './commands/help.js';
import { registerIdentityCommands } from './commands/identity.js';
import { lazy } from './commands/lazy.js';
import { registerLedgerCommands } from './commands/ledger.js';
import { registerMetadataCommands } from './commands/metadata.js';
import { registerQrCommands } from './commands/qr.js';
import { registerSignCommand } from './commands/sign.js';
import { registerVaultCommands } from './commands/vault.js';
import { asksForJson, reportFailure } from './report.js';
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
  registerSignCommand,
  registerMetadataCommands,
  registerDrivesCommand,
  registerHelpCommand,
];

const openApp = lazy(() => import('./app.js'), 'openApp');

/** Under `--json` commander prints nothing: the one JSON error object says it all. */
const SILENT = { writeErr: () => undefined, outputError: () => undefined };

export function buildProgram({ json = false } = {}): Command {
  // Commands inherit these settings when they are created, so they come before the groups:
  // every command throws instead of exiting, and main alone chooses the exit status.
  const program = new Command('airlock')
    .description('An air-gapped wallet for Polkadot and Substrate chains.')
    .version(VERSION_TEXT, '-V, --version')
    .option('--vault <path>', 'vault file (default: $AIRLOCK_VAULT, else $XDG_DATA_HOME/airlock/vault.json)')
    .showHelpAfterError('(run airlock --help for usage)')
    .configureOutput(json ? SILENT : {})
    .exitOverride();
  for (const register of COMMAND_GROUPS) register(program);
  // The program's own, not inherited: without a command, the full-screen app; with a word that
  // is no command, that word is the error, whatever options follow it (`exprot --out x`).
  return program
    .allowExcessArguments(true)
    .allowUnknownOption(true)
    .action(async (options: unknown, command: Command) => {
      const [word] = command.args;
      if (word === undefined) return openApp(options, command);
      if (!word.startsWith('-')) unknownCommand(command, word);
      const flags = command.options.flatMap((o) => (o.long ? [o.long] : []));
      command.error(`error: unknown option '${word}'${didYouMean(word, flags)}`, {
        code: 'commander.unknownOption',
        exitCode: 2,
      });
    });
}

async function main(args: string[]): Promise<number> {
  const json = asksForJson(args.slice(2));
  try {
    await buildProgram({ json }).parseAsync(args);
    return 0;
  } catch (error) {
    return reportFailure(error, json);
  }
}

process.exitCode = await main(process.argv);
