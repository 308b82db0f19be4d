import type { PlannedEntry } from './import-plan.js';
import { countOf } from '../count.js';

/**
 * What an import did, or would do, in one sentence: what is added (how many of each kind, and
 * how many under another name), what is skipped and why, what is left out and why. Said the
 * same by the command line and the app; each lists the entries themselves beside it.
 */

type Kind = PlannedEntry['kind'];
type Counts = Record<Kind, number>;

const NOUNS: Record<Kind, [string, string]> = {
  identity: ['identity', 'identities'],
  account: ['account', 'accounts'],
  address: ['address', 'addresses'],
};

/** `1 entry`, `7 entries`: for counts that mix kinds. */
export const entryCount = (n: number) => countOf(n, 'entry', 'entries');

/** `1 identity, 6 accounts and 1 address`; kinds with none are not named. */
export function countOfKinds(entries: readonly PlannedEntry[]): string {
  const counts: Counts = { identity: 0, account: 0, address: 0 };
  for (const entry of entries) counts[entry.kind]++;
  const named = (Object.keys(NOUNS) as Kind[]).filter((k) => counts[k] > 0).map((k) => countOf(counts[k], ...NOUNS[k]));
  if (named.length === 0) return 'nothing';
  return named.length === 1 ? named[0]! : `${named.slice(0, -1).join(', ')} and ${named.at(-1)!}`;
}

/** Why an entry is not added, as the summary groups them. */
const whyNot = (entry: PlannedEntry) => (entry.existing !== undefined ? 'already in the vault' : (entry.reason ?? ''));

/** `1 identity (its accounts are all in the vault already), 2 accounts (already in the vault)`. */
function byReason(entries: readonly PlannedEntry[]): string {
  const groups = new Map<string, PlannedEntry[]>();
  for (const entry of entries) groups.set(whyNot(entry), [...(groups.get(whyNot(entry)) ?? []), entry]);
  return [...groups].map(([reason, group]) => `${countOfKinds(group)}${reason ? ` (${reason})` : ''}`).join(', ');
}

export interface ImportCounts {
  added: number;
  /** Of those added, how many under another name than the file's (theirs taken, or cleaned). */
  renamed: number;
  skipped: number;
  leftOut: number;
}

export function countImport(entries: readonly PlannedEntry[]): ImportCounts {
  const added = entries.filter((e) => e.action === 'add');
  const leftOut = entries.filter((e) => e.leftOut).length;
  return {
    added: added.length,
    renamed: added.filter((e) => e.as !== undefined).length,
    skipped: entries.length - added.length - leftOut,
    leftOut,
  };
}

/**
 * `Imported 1 identity and 6 accounts (1 under another name); skipped 2 accounts (already in
 * the vault); left out 1 account (locked: it has a password of its own).` With `would`, the
 * same said of an import not (yet) done: `Importing would add …; skip …; leave out ….`
 */
export function importSummary(entries: readonly PlannedEntry[], mood: 'done' | 'would'): string {
  const added = entries.filter((e) => e.action === 'add');
  const skipped = entries.filter((e) => e.action === 'skip' && !e.leftOut);
  const leftOut = entries.filter((e) => e.leftOut);
  const { renamed } = countImport(entries);
  const renaming = renamed ? ` (${renamed} under ${renamed === 1 ? 'another name' : 'other names'})` : '';
  const [add, skip, leave] =
    mood === 'done' ? ['Imported', 'skipped', 'left out'] : ['Importing would add', 'skip', 'leave out'];
  const parts = [`${add} ${countOfKinds(added)}${renaming}`];
  if (skipped.length) parts.push(`${skip} ${byReason(skipped)}`);
  if (leftOut.length) parts.push(`${leave} ${byReason(leftOut)}`);
  return `${parts.join('; ')}.`;
}
