import { viewAccount, type AccountView } from '../../vault/accounts.js';
import type { Account, VaultData } from '../../vault/model.js';

/** An account as the list shows it, with the text a filter searches, lower-cased once. */
export interface AccountRow {
  account: Account;
  view: AccountView;
  search: string;
}

// Encoding 10,000 addresses takes a quarter of a second: do it once per vault state, not
// every time the list is opened again.
const cache = new WeakMap<VaultData, readonly AccountRow[]>();

export function accountRows(data: VaultData): readonly AccountRow[] {
  let rows = cache.get(data);
  if (!rows) {
    rows = data.accounts.map((account) => {
      const view = viewAccount(data, account);
      // Fields are joined by a line break, which a filter query never holds, so a query never
      // matches across two fields.
      const search = [view.name, view.address, view.identity, view.path, view.network].join('\n').toLowerCase();
      return { account, view, search };
    });
    cache.set(data, rows);
  }
  return rows;
}

export function matchRows(rows: readonly AccountRow[], query: string): readonly AccountRow[] {
  const wanted = query.toLowerCase();
  return wanted ? rows.filter((row) => row.search.includes(wanted)) : rows;
}

/**
 * `matchRows` for a query that changes a key at a time: a query that extends the previous one
 * searches only the previous matches, and asking again for the same query costs nothing.
 */
export function rowFilter(rows: readonly AccountRow[]): (query: string) => readonly AccountRow[] {
  let last = { query: '', matches: rows };
  return (query) => {
    const wanted = query.toLowerCase();
    if (wanted !== last.query) {
      const from = wanted.startsWith(last.query) ? last.matches : rows;
      last = { query: wanted, matches: matchRows(from, wanted) };
    }
    return last.matches;
  };
}
