import type { Command } from 'commander';
import { printable } from '../printable.js';
import { resolveVaultPath } from '../vault/location.js';
import type { VaultSession } from '../vault/store.js';
import { readPassword, VAULT_PASSWORD } from './secrets.js';

/** The options every command inherits from the program (`--vault`). */
export function vaultPathOf(command: Command): string {
  return resolveVaultPath(command.optsWithGlobals<{ vault?: string }>().vault);
}

export async function unlockVault(command: Command): Promise<VaultSession> {
  const path = vaultPathOf(command);
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

/**
 * A line for people. Names and text from files and codes reach it, so no control character
 * passes raw (the callers escape them where it matters for meaning; this is the net). The
 * CLI's own escape codes, such as a progress line's, are written apart from it.
 */
export function say(line: string): void {
  process.stdout.write(`${printable(line, { multiline: true })}\n`);
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
