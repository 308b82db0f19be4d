import { describe, expect, it } from 'vitest';
import { importTitle, planOutcome } from '../../../src/screens/backups/plan-outcome.js';
import type { PlannedEntry } from '../../../src/vault/import-plan.js';

const add = (name: string): PlannedEntry => ({ kind: 'account', name, action: 'add' });
const existing = (name: string): PlannedEntry => ({ kind: 'account', name, action: 'skip', existing: name });
const locked = (name: string): PlannedEntry => ({
  kind: 'account',
  name,
  action: 'skip',
  reason: 'locked: it has a password of its own',
  leftOut: true,
});
const texts = (o: ReturnType<typeof planOutcome>) => o.outcome.map((line) => line.text);

describe('what the preview says', () => {
  it('titles the screen by the format once the file is open', () => {
    expect(importTitle(false)).toBe('Import a backup');
    expect(importTitle(true)).toBe('Verify a backup (changes nothing)');
    expect(importTitle(false, 'airlock')).toBe('Import an airlock backup');
    expect(importTitle(true, 'polkadot-js-batch')).toBe('Verify a polkadot.js "export all accounts" file');
  });

  it('counts accounts left out apart from those already in the vault', () => {
    const entries = [add('charlie'), existing('alice'), locked('bob')];
    expect(texts(planOutcome('preview', entries, 1, false))[0]).toBe(
      'The backup decrypts and holds 3 entries: 1 to add, 1 already in this vault, 1 left out.',
    );
    expect(texts(planOutcome('preview', [add('charlie'), existing('alice')], 0, false))[0]).toBe(
      'The backup decrypts and holds 2 entries: 1 to add, 1 already in this vault.',
    );
    expect(texts(planOutcome('preview', [existing('alice'), locked('bob')], 1, false))).toEqual([
      'The backup decrypts and holds 2 entries: 1 already in this vault, 1 left out; nothing to import.',
    ]);
    expect(texts(planOutcome('done', entries, 1, false))).toEqual([
      'Imported 1 account; skipped 1 account (already in the vault); left out 1 account (locked: it has a password of its own).',
    ]);
    expect(planOutcome('preview', entries, 1, true).hints).toEqual(['confirm', 'back']);
  });

  it('after adding every entry, speaks of no rest', () => {
    const all = [add('alice'), add('bob'), add('charlie')];
    expect(texts(planOutcome('done', all, 0, false))).toEqual(['Imported 3 accounts.']);
  });

  it('verifying says what an import would add, skip and leave out', () => {
    expect(texts(planOutcome('preview', [add('charlie'), existing('alice'), locked('bob')], 1, true))).toEqual([
      'The backup decrypts and holds 3 entries; nothing was changed.',
      'Importing would add 1 account; skip 1 account (already in the vault); leave out 1 account (locked: it has a password of its own).',
    ]);
  });
});
