import { describe, expect, it } from 'vitest';
import { countOf } from '../src/count.js';

describe('countOf', () => {
  it('says the noun in the number the count calls for, grouping thousands', () => {
    expect(countOf(0, 'account')).toBe('0 accounts');
    expect(countOf(1, 'account')).toBe('1 account');
    expect(countOf(2, 'entry', 'entries')).toBe('2 entries');
    expect(countOf(1200, 'picture')).toBe('1,200 pictures');
  });
});
