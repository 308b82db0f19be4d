import type { Command } from 'commander';
import { NoTerminalError, UserError } from '../errors.js';
import * as actions from '../vault/actions.js';
import * as identities from '../vault/identities.js';
import type { Identity, VaultData } from '../vault/model.js';
import { checkMnemonic, generateMnemonic, type WordCount } from '../vault/mnemonic.js';
import { existingVaultPath, printJson, printResult, printTable, sayProse, withVault } from './context.js';
import { readStdin } from './stdin.js';
import { askHidden, askLine, openTerminal, showOnAlternateScreen } from './terminal.js';
import { wrapProse } from './wrap.js';

/** An identity as `identity list --json` gives it: never its words. */
function identityRow(data: VaultData, identity: Identity) {
  const { name, kind, createdAt } = identity;
  return { name, kind, accounts: identities.accountsOfIdentity(data, identity).length, createdAt };
}

/**
 * Under `--json` the new identity as `identity list --json` gives it, and nothing more: the
 * words are shown on the terminal's alternate screen only, never on stdout, which a script
 * may be keeping in a file.
 */
export async function newIdentity(
  options: { name: string; words: string; json?: boolean },
  command: Command,
): Promise<void> {
  await existingVaultPath(command);
  // Fail before asking for the password: new words are shown on a terminal only.
  openTerminal(
    'show the new recovery phrase on',
    'run it in a terminal; words you already have go to `airlock identity restore`',
  ).close();
  const row = await withVault(command, async (session) => {
    identities.checkNewIdentityName(session.data, options.name); // before any words exist
    const phrase = generateMnemonic(Number(options.words) as WordCount);
    await showOnAlternateScreen(
      (width) => formatWords(phrase, options.name, width),
      'Press Enter when you have written them down (Esc cancels and saves nothing).',
    );
    const saved = await actions.saveMnemonicIdentity(session, options.name, phrase);
    return identityRow(session.data, saved);
  });
  printResult(
    options.json,
    row,
    `Saved identity "${row.name}". Its words were shown once; airlock keeps them only inside the encrypted vault.`,
  );
}

const WORD_CELL = 16; // `24. abandon` padded: the longest BIP39 word has 8 letters
const GAP = '   ';

/** The words in numbered columns, as many as the terminal's `width` holds (down, then across), and what to do with them. */
function formatWords(phrase: string, name: string, width: number): string {
  const words = phrase.split(' ');
  const columns = Math.max(1, Math.min(3, Math.floor((width + GAP.length) / (WORD_CELL + GAP.length))));
  const rows = Math.ceil(words.length / columns);
  const lines = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => c * rows + r)
      .filter((i) => i < words.length)
      .map((i) => `${String(i + 1).padStart(2)}. ${words[i]!.padEnd(WORD_CELL - 4)}`)
      .join(GAP)
      .trimEnd(),
  );
  const prose = (text: string) => wrapProse(text, width);
  return [
    prose(`Recovery phrase for identity "${name}" (${words.length} words)`),
    '',
    ...lines,
    '',
    prose(
      'Write these words on paper, in order, and keep it safe and offline. Anyone who sees them can take everything this identity holds. airlock will not show them again, and this screen leaves no trace in the terminal.',
    ),
  ].join('\n');
}

/** Under `--json`: the identity restored, as `identity list --json` gives it. */
export async function restoreIdentity(options: { name: string; json?: boolean }, command: Command): Promise<void> {
  const row = await withVault(command, async (session) => {
    identities.checkNewIdentityName(session.data, options.name);
    const typed = process.stdin.isTTY ? await askHidden('Recovery phrase (hidden): ') : await readStdin();
    const phrase = checkMnemonic(Buffer.from(typed).toString('utf8'));
    typed.fill(0);
    return identityRow(session.data, await actions.saveMnemonicIdentity(session, options.name, phrase));
  });
  printResult(
    options.json,
    row,

    `Restored identity "${row.name}". Derive its accounts with \`airlock account derive --identity ${JSON.stringify(row.name)} --name NAME\`.`,
  );
}

export async function listIdentities(options: { json?: boolean }, command: Command): Promise<void> {
  await withVault(command, ({ data }) => {
    const rows = data.identities.map((i) => identityRow(data, i));
    if (options.json) return printJson(rows);
    if (rows.length === 0) return sayProse('No identities yet: `airlock identity new` or `airlock identity restore`.');
    printTable(
      ['NAME', 'KIND', 'ACCOUNTS', 'CREATED'],
      rows.map((r) => [r.name, r.kind, String(r.accounts), r.createdAt.slice(0, 10)]),
    );
  });
}

/** Under `--json`: the identity as `identity list --json` gives it, with the name it had. */
export async function renameIdentity(
  oldName: string,
  newName: string,
  options: { json?: boolean },
  command: Command,
): Promise<void> {
  const row = await withVault(command, async (session) => {
    const { id } = identities.findIdentity(session.data, oldName);
    await actions.renameIdentity(session, oldName, newName);
    return identityRow(
      session.data,
      session.data.identities.find((i) => i.id === id)!,
    );
  });
  printResult(options.json, { ...row, previousName: oldName }, `Renamed identity "${oldName}" to "${row.name}".`);
}

/** Under `--json`: the identity removed, as `identity list --json` gave it (`accounts`: how many went with it). */
export async function removeIdentity(
  name: string,
  options: { withAccounts?: boolean; yes?: boolean; json?: boolean },
  command: Command,
): Promise<void> {
  const row = await withVault(command, async (session) => {
    const before = identityRow(session.data, identities.findIdentity(session.data, name));
    const preview = identities.removeIdentity(session.data, name, { withAccounts: options.withAccounts ?? false });
    if (!options.yes) await confirmByTyping(name, preview.removedAccounts);
    const accounts = await actions.removeIdentity(session, name, options.withAccounts ?? false);
    return { ...before, accounts };
  });
  const what = row.accounts ? ` and its ${row.accounts} account${row.accounts === 1 ? '' : 's'}` : '';
  printResult(options.json, row, `Removed identity "${name}"${what}.`);
}

async function confirmByTyping(name: string, accounts: number): Promise<void> {
  if (!process.stdin.isTTY) {
    throw new NoTerminalError(
      'removing an identity needs confirmation',
      'run it in a terminal, or add --yes in a script',
    );
  }
  const what = accounts ? ` and its ${accounts} account${accounts === 1 ? '' : 's'}` : '';
  process.stderr.write(
    `This removes identity "${name}"${what} from the vault. Without a backup or the written words, its keys are gone.\n`,
  );
  const typed = await askLine(`Type the identity's name to confirm: `);
  if (typed !== name) throw new UserError('the name typed does not match; nothing was removed');
}
