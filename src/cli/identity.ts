import type { Command } from 'commander';
import { UserError } from '../errors.js';
import * as actions from '../vault/actions.js';
import * as identities from '../vault/identities.js';
import { checkMnemonic, generateMnemonic, type WordCount } from '../vault/mnemonic.js';
import { printJson, printTable, say, withVault } from './context.js';
import { readStdin } from './stdin.js';
import { askHidden, askLine, openTerminal, showOnAlternateScreen } from './terminal.js';

export async function newIdentity(options: { name: string; words: string }, command: Command): Promise<void> {
  // Fail before asking for the password: new words are shown on a terminal only.
  openTerminal(
    'show the new recovery phrase on',
    'run it in a terminal; words you already have go to `airlock identity restore`',
  ).close();
  await withVault(command, async (session) => {
    identities.checkNewIdentityName(session.data, options.name); // before any words exist
    const phrase = generateMnemonic(Number(options.words) as WordCount);
    await showOnAlternateScreen(
      formatWords(phrase, options.name),
      'Press Enter when you have written them down (Esc cancels and saves nothing).',
    );
    await actions.saveMnemonicIdentity(session, options.name, phrase);
  });
  say(
    `Saved identity "${options.name}". Its words were shown once; airlock keeps them only inside the encrypted vault.`,
  );
}

function formatWords(phrase: string, name: string): string {
  const words = phrase.split(' ');
  const rows = Math.ceil(words.length / 3);
  const lines = Array.from({ length: rows }, (_, r) =>
    [0, 1, 2]
      .map((c) => c * rows + r)
      .filter((i) => i < words.length)
      .map((i) => `${String(i + 1).padStart(2)}. ${words[i]!.padEnd(10)}`)
      .join('   '),
  );
  return [
    `Recovery phrase for identity "${name}" (${words.length} words)`,
    '',
    ...lines,
    '',
    'Write these words on paper, in order, and keep it safe and offline.',
    'Anyone who sees them can take everything this identity holds.',
    'airlock will not show them again, and this screen leaves no trace in the terminal.',
  ].join('\n');
}

export async function restoreIdentity(options: { name: string }, command: Command): Promise<void> {
  await withVault(command, async (session) => {
    identities.checkNewIdentityName(session.data, options.name);
    const typed = process.stdin.isTTY ? await askHidden('Recovery phrase (hidden): ') : await readStdin();
    const phrase = checkMnemonic(Buffer.from(typed).toString('utf8'));
    typed.fill(0);
    await actions.saveMnemonicIdentity(session, options.name, phrase);
  });
  say(
    `Restored identity "${options.name}". Derive its accounts with \`airlock account derive --identity ${JSON.stringify(options.name)} --name NAME\`.`,
  );
}

export async function listIdentities(options: { json?: boolean }, command: Command): Promise<void> {
  await withVault(command, ({ data }) => {
    const rows = data.identities.map((i) => ({
      name: i.name,
      kind: i.kind,
      accounts: identities.accountsOfIdentity(data, i).length,
      createdAt: i.createdAt,
    }));
    if (options.json) return printJson(rows);
    if (rows.length === 0) return say('No identities yet: `airlock identity new` or `airlock identity restore`.');
    printTable(
      ['NAME', 'KIND', 'ACCOUNTS', 'CREATED'],
      rows.map((r) => [r.name, r.kind, String(r.accounts), r.createdAt.slice(0, 10)]),
    );
  });
}

export async function renameIdentity(
  oldName: string,
  newName: string,
  _options: unknown,
  command: Command,
): Promise<void> {
  await withVault(command, (session) => actions.renameIdentity(session, oldName, newName));
  say(`Renamed identity "${oldName}" to "${newName}".`);
}

export async function removeIdentity(
  name: string,
  options: { withAccounts?: boolean; yes?: boolean },
  command: Command,
): Promise<void> {
  const removed = await withVault(command, async (session) => {
    const preview = identities.removeIdentity(session.data, name, { withAccounts: options.withAccounts ?? false });
    if (!options.yes) await confirmByTyping(name, preview.removedAccounts);
    return actions.removeIdentity(session, name, options.withAccounts ?? false);
  });
  say(`Removed identity "${name}"${removed ? ` and its ${removed} account${removed === 1 ? '' : 's'}` : ''}.`);
}

async function confirmByTyping(name: string, accounts: number): Promise<void> {
  if (!process.stdin.isTTY) {
    throw new UserError('removing an identity needs confirmation', 'run it in a terminal, or add --yes in a script');
  }
  const what = accounts ? ` and its ${accounts} account${accounts === 1 ? '' : 's'}` : '';
  process.stderr.write(
    `This removes identity "${name}"${what} from the vault. Without a backup or the written words, its keys are gone.\n`,
  );
  const typed = await askLine(`Type the identity's name to confirm: `);
  if (typed !== name) throw new UserError('the name typed does not match; nothing was removed');
}
