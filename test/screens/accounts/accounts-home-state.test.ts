import { describe, expect, it } from 'vitest';
import {
  accountColumns,
  accountRow,
  fit,
  headerRow,
  shortenMiddle,
} from '../../../src/screens/accounts/account-columns.js';
import { accountRows, matchRows, rowFilter } from '../../../src/screens/accounts/account-rows.js';
import {
  homeReducer,
  initialHome,
  fittedList,
  type HomeAction,
} from '../../../src/screens/accounts/accounts-home-state.js';
import type { VaultData } from '../../../src/vault/model.js';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const ID = '0123456789abcdef';
const data: VaultData = {
  identities: [{ id: ID, name: 'Dev', kind: 'mnemonic', mnemonic: 'not used here', createdAt: '' }],
  accounts: [
    {
      name: 'Alice',
      identity: ID,
      type: 'sr25519',
      path: '//Alice',
      network: 'substrate',
      createdAt: '',
      publicKey: '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d',
    },
    {
      name: 'Treasury',
      identity: ID,
      type: 'sr25519',
      path: '//Bob///hunter2',
      network: 'polkadot',
      createdAt: '',
      publicKey: '0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48',
    },
  ],
  addresses: [],
  settings: { defaultNetwork: 'substrate', lockAfterMinutes: 5 },
  metadata: [],
};

describe('account rows and the filter', () => {
  const rows = accountRows(data);

  it('searches name, address, identity, path and network, whatever the case', () => {
    const names = (query: string) => matchRows(rows, query).map((r) => r.view.name);
    expect(names('')).toEqual(['Alice', 'Treasury']);
    expect(names('ALI')).toEqual(['Alice']);
    expect(names(ALICE.slice(10, 20).toLowerCase())).toEqual(['Alice']);
    expect(names('dev')).toEqual(['Alice', 'Treasury']);
    expect(names('//bob')).toEqual(['Treasury']);
    expect(names('polkadot')).toEqual(['Treasury']);
    expect(names('nothing like it')).toEqual([]);
  });

  it('never searches the secret part of a path, and never across two fields', () => {
    expect(matchRows(rows, 'hunter2')).toEqual([]);
    expect(rows[1]!.view.path).toBe('//Bob///***');
    expect(matchRows(rows, 'alice5grw')).toEqual([]);
  });

  it('builds the rows once per vault state', () => {
    expect(accountRows(data)).toBe(rows);
    expect(accountRows({ ...data })).not.toBe(rows);
  });

  it('filters a query that grows from the previous matches, and gives the whole list back', () => {
    const filter = rowFilter(rows);
    expect(filter('t').map((r) => r.view.name)).toEqual(['Alice', 'Treasury']);
    const tre = filter('tre');
    expect(tre.map((r) => r.view.name)).toEqual(['Treasury']);
    expect(filter('TRE')).toBe(tre);
    expect(filter('trex')).toEqual([]);
    // Shorter again: searched from all rows, not from the empty previous answer.
    expect(filter('t').map((r) => r.view.name)).toEqual(['Alice', 'Treasury']);
    expect(filter('')).toBe(rows);
  });
});

describe('the list and filter state', () => {
  const run = (actions: HomeAction[]) => actions.reduce(homeReducer, initialHome(5));
  const type = (text: string): HomeAction[] =>
    [...text].map((ch) => ({ type: 'edit-filter', edit: { type: 'insert', text: ch } }));

  it('types a filter, keeps it, and clears it', () => {
    const typed = run([{ type: 'start-filter' }, ...type('bob')]);
    expect(typed).toMatchObject({ editing: true, query: 'bob' });
    expect(homeReducer(typed, { type: 'keep-filter' })).toMatchObject({ editing: false, query: 'bob' });
    expect(homeReducer(typed, { type: 'clear-filter' })).toMatchObject({ editing: false, query: '' });
    expect(homeReducer(typed, { type: 'edit-filter', edit: { type: 'delete-back' } }).query).toBe('bo');
  });

  it('moves within the count the filter shows now, and starts a new filter at its first match', () => {
    const moved = run([{ type: 'move', move: 'last', count: 100, height: 5 }]);
    expect(moved.list).toMatchObject({ cursor: 99, offset: 95 });
    const narrowed = run([
      { type: 'move', move: 'last', count: 100, height: 5 },
      { type: 'start-filter' },
      ...type('x'),
    ]);
    expect(narrowed.list).toMatchObject({ cursor: 0, offset: 0 });
    expect(run([{ type: 'move', move: 'down', count: 1, height: 5 }]).list.cursor).toBe(0);
  });

  it('fits a cursor left beyond a list that has since shrunk', () => {
    const state = run([{ type: 'move', move: 'last', count: 100, height: 5 }]);
    expect(fittedList(state, 3, 5)).toMatchObject({ cursor: 2, offset: 0, count: 3 });
    expect(fittedList(state, 0, 5)).toMatchObject({ cursor: 0, offset: 0 });
  });
});

describe('account columns', () => {
  it('fits 80 columns with addresses shortened in the middle, and shows them whole when there is room', () => {
    const narrow = accountColumns(62);
    const line = accountRow(accountRows(data)[0]!.view, narrow);
    expect([...line].length).toBeLessThanOrEqual(62);
    expect(line).toMatch(/^Alice +5Grwva\S*…\S*KutQY +sr25519 +\/\/Alice +Dev/u);
    expect(narrow.network).toBe(0);
    const wide = accountColumns(110);
    expect(accountRow(accountRows(data)[0]!.view, wide)).toContain(ALICE);
    expect(wide.network).toBeGreaterThan(0);
    expect(headerRow(wide)).toMatch(/^NAME +ADDRESS +TYPE +PATH +NETWORK +IDENTITY$/u);
    for (const width of [40, 62, 80, 100, 150, 300]) {
      const c = accountColumns(width);
      const total = c.name + c.address + c.type + c.path + c.network + c.identity + (c.network ? 5 : 4);
      if (width >= 62) expect(total).toBeLessThanOrEqual(width);
    }
  });

  it('cuts and pads cells', () => {
    expect(fit('abc', 5)).toBe('abc  ');
    expect(fit('abcdef', 4)).toBe('abc…');
    expect(shortenMiddle(ALICE, 13)).toBe('5Grwva…GKutQY');
    expect(shortenMiddle(ALICE, 13).length).toBeLessThanOrEqual(13);
    expect(shortenMiddle('short', 13)).toBe('short');
  });
});
