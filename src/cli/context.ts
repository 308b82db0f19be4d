import type { Command } from 'commander';
import { printable } from '../printable.js';
import { resolveVaultPath } from '../vault/location.js';
import type { VaultSession } from '../vault/store.js';
import { readPassword, VAULT_PASSWORD } from './secrets.js';
import { proseFor } from './wrap.js';

/** The options every command inherits from the program (`--vault`). */
export function vaultPathOf(command: Command): string {
  return resolveVaultPath(command.optsWithGlobals<{ vault?: string }>().vault);
}

/** The vault this command works on, once it is known to be there: checked before anyone is asked anything. */
export async function existingVaultPath(command: Command): Promise<string> {
  const path = vaultPathOf(command);
  const { checkVaultFile } = await import('../vault/store.js');
  await checkVaultFile(path);
  return path;
}

export async function unlockVault(command: Command): Promise<VaultSession> {
  const path = await existingVaultPath(command);
  const password = await readPassword(VAULT_PASSWORD);
  try {
    const { VaultSession } = await import('../vault/store.js');
    return await VaultSession.unlock(path, password);
  } finally {
    password.fill(0);
  }
}

/** Unlocks, runs, and wipes the key whatever happens. `work` may be synchronous: reading the vault needs no waiting. */
export async function withVault<T>(command: Command, work: (session: VaultSession) => T | Promise<T>): Promise<T> {
  const session = await unlockVault(command);
  try {
    return await work(session);
  } finally {
    session.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** What a command did: under `--json` the one JSON document on stdout, else a sentence for people. */
export function printResult(json: boolean | undefined, value: unknown, sentence: string): void {
  if (json) printJson(value);
  else sayProse(sentence);
}

/**
 * A line for people. Names and text from files and codes reach it, so no control character
 * passes raw (the callers escape them where it matters for meaning; this is the net). The
 * CLI's own escape codes, such as a progress line's, are written apart from it.
 */
export function say(line: string): void {
  process.stdout.write(`${printable(line, { multiline: true })}\n`);
}

/** Sentences for people: as `say`, wrapped at word boundaries to the width of the terminal stdout is, if it is one. */
export function sayProse(text: string): void {
  process.stdout.write(proseFor(process.stdout, printable(text, { multiline: true })));
}

/** Left-aligned columns for people, each cell one line of printable text; scripts use --json. */
export function printTable(headers: string[], table: string[][]): void {
  if (table.length === 0) return;
  const rows = table.map((row) => row.map((cell) => printable(cell)));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${[line(headers), ...rows.map(line)].join('\n')}\n`);
}
