import type { Command } from 'commander';
import { didYouMean } from './did-you-mean.js';

/** Names a command can be called by at one level of the tree, for "did you mean". */
export const commandNames = (parent: Command): string[] => parent.commands.flatMap((c) => [c.name(), ...c.aliases()]);

/** A word that names no command at this level: a usage error, with the nearest names. */
export function unknownCommand(parent: Command, word: string): never {
  return parent.error(`error: unknown command '${word}'${didYouMean(word, commandNames(parent))}`, {
    code: 'commander.unknownCommand',
    exitCode: 2,
  });
}

/**
 * `airlock help [COMMAND...]`, as `airlock COMMAND --help`. Commander gives groups a help
 * command of their own, but not the program, whose action opens the full-screen app.
 */
export function registerHelpCommand(program: Command): void {
  program
    .command('help')
    .description('show the help of airlock, or of a command (airlock help account derive)')
    .argument('[command...]')
    .action((words: string[]) => {
      let target = program;
      for (const word of words) {
        target =
          target.commands.find((c) => c.name() === word || c.aliases().includes(word)) ?? unknownCommand(target, word);
      }
      target.help();
    });
}
