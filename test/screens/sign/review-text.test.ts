import { describe, expect, it } from 'vitest';
import type { PreparedSignature } from '../../../src/sign/signing.js';
import { columns, reviewLayout, shownRows, wrapRow } from '../../../src/screens/sign/review-text.js';

const ADDRESS = '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5';

describe('what is signed, as rows', () => {
  it('indents two columns a level and leaves a line that fits as it is', () => {
    expect(
      shownRows(
        [
          { depth: 0, text: 'balances.transferKeepAlive' },
          { depth: 1, text: 'value: 1.5 DOT' },
        ],
        60,
      ),
    ).toEqual(['balances.transferKeepAlive', '  value: 1.5 DOT']);
  });

  it('wraps a long line at a space, its further rows indented two more, nothing lost', () => {
    const text = `dest: ${ADDRESS} (bob, the address book's entry for the cold wallet)`;
    const rows = shownRows([{ depth: 2, text }], 62);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(columns(row)).toBeLessThanOrEqual(62);
    expect(rows[0]).toBe(`    dest: ${ADDRESS}`);
    expect(rows[1]!.startsWith('      (bob, the')).toBe(true);
    expect(rows.map((r) => r.trim()).join(' ')).toBe(text);
  });

  it('cuts a word longer than a row (a hex blob) where it must, keeping every character', () => {
    const hex = `0x${'ab'.repeat(100)}`;
    const rows = wrapRow(`remark: ${hex}`, 40, 2);
    for (const row of rows) expect(columns(row)).toBeLessThanOrEqual(40);
    expect(rows.map((r) => r.trim()).join('')).toBe(`remark:${hex}`);
  });

  it('counts wide letters and emoji as two columns, so a row never spills', () => {
    expect(columns('署名')).toBe(4);
    expect(columns('ok 🚀')).toBe(5);
    for (const row of wrapRow('署'.repeat(50), 20)) expect(columns(row)).toBeLessThanOrEqual(20);
  });

  it('stops indenting deep nesting at a third of the width', () => {
    const [row] = shownRows([{ depth: 30, text: 'x' }], 60);
    expect(row).toBe(`${' '.repeat(20)}x`);
  });
});

describe('the review fitted to the screen', () => {
  const prepared = (lines: number, name = 'alice'): PreparedSignature => ({
    action: 'transaction',
    account: { name, address: ADDRESS, publicKey: `0x${'d4'.repeat(32)}`, type: 'sr25519' },
    chain: {
      name: 'polkadot',
      displayName: 'Polkadot',
      genesisHash: `0x${'91'.repeat(32)}`,
      ss58Prefix: 0,
      decimals: 10,
      token: 'DOT',
    },
    lines: Array.from({ length: lines }, (_, i) => ({ depth: 1, text: `line ${i + 1}` })),
    checkedBy: 'stored-metadata',
    toSign: new Uint8Array(),
    withType: true,
  });

  it('at 80×24 (62×22 for the content) gives what is signed every row the title and keys leave', () => {
    const layout = reviewLayout(prepared(40), 62, 22);
    expect(layout.title).toEqual(['Sign with alice (sr25519) on Polkadot?']);
    expect(layout.scroll).toEqual({ rows: 40, height: 22 - 1 - 3 - 1 });
    expect(layout.body[0]).toBe('  line 1');
  });

  it('wraps a long name in the title, and gives the rows it takes from what scrolls', () => {
    const layout = reviewLayout(prepared(40, 'the treasury’s cold wallet for the quarterly payroll'), 62, 22);
    expect(layout.title).toHaveLength(2);
    expect(layout.scroll.height).toBe(22 - 2 - 3 - 1);
  });
});
