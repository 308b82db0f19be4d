/**
 * What every run on a hostile input must show: a clean refusal (exit 1, one `airlock: …` line)
 * or a clean success (exit 0); no internal error or stack trace; inside the time and memory
 * bounds; nothing unprintable on the terminal; the vault and its `.bak` as they were, unless
 * an import said it added something.
 */
import type { Command, HostileInput } from './corpus/inputs.js';
import { MEMORY_LIMIT_KIB, TIME_LIMIT_MS, type Measured } from './measure.js';

/** The vault folder's files and their bytes. */
export type VaultFiles = Map<string, Buffer>;

export interface Run {
  input: HostileInput;
  command: Command;
  measured: Measured;
  /** What the defects are; empty when the run was clean. */
  problems: string[];
}

export const gib = (kib: number) => `${(kib / 1024 / 1024).toFixed(2)} GiB`;
export const mib = (kib: number) => `${Math.round(kib / 1024)} MiB`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The problems of one run; `before` and `after` are the vault folder around it. */
export function judge(
  input: HostileInput,
  command: Command,
  measured: Measured,
  before: VaultFiles,
  after: VaultFiles,
): string[] {
  const problems = cleanRun(measured);
  if (measured.killed) return problems;
  const succeeded = measured.code === 0;
  if (succeeded && input.expect === 'refused')
    problems.push(
      `accepted (exit 0): it must be refused${importedCount(measured) ? `, and it imported ${importedCount(measured)}` : ''}`,
    );
  const mayWrite = command === 'import' && succeeded && (importedCount(measured) ?? 0) > 0;
  if (!mayWrite)
    problems.push(
      ...vaultChanges(before, after, succeeded && command === 'import' ? ' though it imported nothing' : ''),
    );
  return problems;
}

/** Inside the bounds, exit 0 or a clean exit 1, nothing unprintable: what every run must be. */
export function cleanRun(measured: Measured): string[] {
  return [...bounds(measured), ...exitProblems(measured), ...unprintable(measured)];
}

function bounds(measured: Measured): string[] {
  if (measured.killed === 'time')
    return [`still running after ${seconds(TIME_LIMIT_MS)}: killed (peak ${mib(measured.peakKiB)})`];
  if (measured.killed === 'memory')
    return [`past ${gib(MEMORY_LIMIT_KIB)} of memory after ${seconds(measured.ms)}: killed`];
  const problems: string[] = [];
  if (measured.peakKiB > MEMORY_LIMIT_KIB) problems.push(`peak memory ${gib(measured.peakKiB)}`);
  if (measured.ms > TIME_LIMIT_MS) problems.push(`took ${seconds(measured.ms)}`);
  return problems;
}

function exitProblems(measured: Measured): string[] {
  if (measured.killed) return [];
  const { code, signal, stderr } = measured;
  if (signal) return [`ended by ${signal}`];
  const problems: string[] = [];
  const internal = /internal error: ([^\n]*?)(; this is a bug in airlock.*)?$/mu.exec(stderr);
  if (internal) problems.push(`internal error: ${cut(internal[1]!)}`);
  if (/^\s+at /mu.test(stderr)) problems.push('a stack trace on stderr');
  if (code === 1 && !internal && !/^airlock: [^\n]+\n$/u.test(stderr))
    problems.push(`stderr is not one "airlock: …" line: ${cut(JSON.stringify(stderr))}`);
  if (code !== 0 && code !== 1) problems.push(`exit ${code}${internal ? '' : `: ${cut(JSON.stringify(stderr))}`}`);
  return problems;
}

/** How many entries an import said it added (`Imported N; …`). */
export function importedCount(measured: Measured): number | undefined {
  const found = /^Imported (\d+)/mu.exec(measured.stdout);
  return found ? Number(found[1]) : undefined;
}

/** Control characters (but newline), DEL, C1 and bidi controls: what could rewrite or reorder the terminal. */
const UNPRINTABLE = /(?!\n)[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

function unprintable(measured: Measured): string[] {
  return (['stdout', 'stderr'] as const).flatMap((stream) => {
    const found = UNPRINTABLE.exec(measured[stream]);
    if (!found) return [];
    const char = found[0];
    const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return [`${CHAR_NAMES[char] ?? code} (${code}) reaches the terminal on ${stream}`];
  });
}

const CHAR_NAMES: Record<string, string> = {
  '\u001b': 'ESC',
  '\u0007': 'BEL',
  '\r': 'CR',
  '\u0008': 'BS',
  '\u0000': 'NUL',
  '\t': 'TAB',
  '\u202e': 'RLO',
  '\u009b': 'CSI',
};

function vaultChanges(before: VaultFiles, after: VaultFiles, why: string): string[] {
  const problems: string[] = [];
  for (const [name, bytes] of before) {
    const now = after.get(name);
    if (!now) problems.push(`removed ${name}${why}`);
    else if (!now.equals(bytes)) problems.push(`${name.endsWith('.bak') ? 'rotated' : 'changed'} ${name}${why}`);
  }
  const litter = [...after.keys()].filter((name) => !before.has(name));
  if (litter.length > 0) problems.push(`left ${litter.join(', ')} beside the vault`);
  return problems;
}

const cut = (text: string, length = 140) => (text.length > length ? `${text.slice(0, length)}…` : text);
