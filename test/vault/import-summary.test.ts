import { describe, expect, it } from 'vitest';
import type { PlannedEntry } from '../../src/vault/import-plan.js';
import { countImport, countOfKinds, importSummary } from '../../src/vault/import-summary.js';

const added = (kind: PlannedEntry['kind'], name: string, as?: string): PlannedEntry => ({
  kind,
  name,
  action: 'add',
  ...(as ? { as } : {}),
});
const there = (kind: PlannedEntry['kind'], name: string): PlannedEntry => ({
  kind,
  name,
  action: 'skip',
  existing: name,
});
const leftOut = (name: string, reason: string): PlannedEntry => ({
  kind: 'account',
  name,
  action: 'skip',
  reason,
  leftOut: true,
});

describe('the import summary', () => {
  it('after adding all of them: what was added, by kind, and no "rest"', () => {
    const entries = [
      added('identity', 'dev'),
      ...['a', 'b', 'c', 'd', 'e'].map((n) => added('account', n)),
      added('address', 'exchange'),
    ];
    expect(importSummary(entries, 'done')).toBe('Imported 1 identity, 5 accounts and 1 address.');
  });

  it('says what was skipped and why, and what was left out and why, in correct plurals', () => {
    const entries = [
      added('account', 'alice', 'alice (2)'),
      there('identity', 'dev'),
      there('account', 'bob'),
      there('account', 'carol'),
      { kind: 'identity', name: 'keys', action: 'skip', reason: 'its accounts are all in the vault already' } as const,
      leftOut('dave', 'locked: it has a password of its own'),
      leftOut('eve', 'locked: it has a password of its own'),
      leftOut('ferdie', 'a watch-only account'),
    ];
    expect(importSummary(entries, 'done')).toBe(
      'Imported 1 account (1 under another name); ' +
        'skipped 1 identity and 2 accounts (already in the vault), 1 identity (its accounts are all in the vault already); ' +
        'left out 2 accounts (locked: it has a password of its own), 1 account (a watch-only account).',
    );
    expect(countImport(entries)).toEqual({ added: 1, renamed: 1, skipped: 4, leftOut: 3 });
  });

  it('nothing added says so', () => {
    expect(importSummary([there('address', 'x'), there('address', 'y')], 'done')).toBe(
      'Imported nothing; skipped 2 addresses (already in the vault).',
    );
  });

  it('of an import not done: what it would do', () => {
    expect(
      importSummary([added('account', 'a'), added('account', 'b', 'b (2)'), added('account', 'c', 'c (2)')], 'would'),
    ).toBe('Importing would add 3 accounts (2 under other names).');
  });

  it('counts of kinds', () => {
    expect(countOfKinds([])).toBe('nothing');
    expect(countOfKinds([added('address', 'x')])).toBe('1 address');
    expect(countOfKinds([added('identity', 'x'), added('identity', 'y'), added('address', 'z')])).toBe(
      '2 identities and 1 address',
    );
  });
});
