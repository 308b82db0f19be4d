import { describe, expect, it } from 'vitest';
import {
  addressColumns,
  addressHeader,
  addressRow,
  fitEnd,
  shortenMiddle,
} from '../../../src/screens/addresses/address-columns.js';
import type { AddressEntry } from '../../../src/vault/model.js';
import { ALICE, BOB } from '../../helpers/dev-keys.js';

const entry = (name: string, address: string, network = 'substrate', note = ''): AddressEntry => ({
  name,
  address,
  network,
  note,
  createdAt: '',
});
const BOOK = [
  entry('alice', ALICE.substrate, 'substrate', 'first one, with a long note'),
  entry('bob', BOB.polkadot, 'polkadot'),
];

describe('the address-book columns', () => {
  it('keep whole addresses when there is room beside a note', () => {
    const columns = addressColumns(BOOK, 120);
    expect(columns.address).toBe(48);
    const row = addressRow(BOOK[0]!, columns);
    expect(row).toContain(ALICE.substrate);
    expect(row.length).toBeLessThanOrEqual(120);
  });

  it('shorten addresses in the middle, and only them, when the row would not fit', () => {
    for (const width of [62, 50, 40]) {
      const columns = addressColumns(BOOK, width);
      expect(columns.address).toBeLessThan(48);
      for (const e of BOOK) {
        const row = addressRow(e, columns);
        expect(row.length, row).toBeLessThanOrEqual(width);
        expect(row.startsWith(`${e.name} `)).toBe(true);
        expect(row).toContain(e.address.slice(-5));
        expect(row).toContain(e.address.slice(0, 5));
      }
      expect(addressHeader(columns).length).toBeLessThanOrEqual(width);
    }
  });

  it('line the columns up', () => {
    const columns = addressColumns(BOOK, 62);
    const header = addressHeader(columns);
    const [alice, bob] = BOOK.map((e) => addressRow(e, columns));
    expect(alice!.indexOf('substrate')).toBe(header.indexOf('NETWORK'));
    expect(bob!.indexOf('polkadot')).toBe(header.indexOf('NETWORK'));
    expect(alice!.indexOf('first')).toBe(header.indexOf('NOTE'));
  });

  it('cut long names and notes with an ellipsis', () => {
    const columns = addressColumns([entry('a name much longer than sixteen', ALICE.substrate)], 62);
    expect(columns.name).toBe(16);
    expect(
      addressRow(entry('a name much longer than sixteen', ALICE.substrate), columns).startsWith('a name much lon… '),
    ).toBe(true);
  });
});

describe('shortenMiddle and fitEnd', () => {
  it('keep both ends of what is too long', () => {
    expect(shortenMiddle(ALICE.substrate, 48)).toBe(ALICE.substrate);
    expect(shortenMiddle(ALICE.substrate, 11)).toBe('5Grwv…KutQY');
    expect(shortenMiddle('abcdef', 2)).toBe('a…');
    expect(shortenMiddle('abcdef', 1)).toBe('…');
    expect(shortenMiddle('abcdef', 0)).toBe('');
  });

  it('pad to the width, or cut at its end', () => {
    expect(fitEnd('bob', 5)).toBe('bob  ');
    expect(fitEnd('alice', 4)).toBe('ali…');
    expect(fitEnd('two\nlines', 9)).toBe('two lines');
    expect(fitEnd('x', 0)).toBe('');
  });
});
