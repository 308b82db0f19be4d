import type { Command } from 'commander';
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

/** Unlocks, runs, and wipes the key whatever happens. */
export async function withVault<T>(command: Command, work: (session: VaultSession) => Promise<T>): Promise<T> {
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

export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Left-aligned columns for people; scripts use --json. */
export function printTable(headers: string[], rows: string[][]): void {
  if (rows.length === 0) return;
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  process.stdout.write(`${[line(headers), ...rows.map(line)].join('\n')}\n`);
}
