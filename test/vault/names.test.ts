import { describe, expect, it } from 'vitest';
import { nameFromFile, textFromFile } from '../../src/vault/names.js';

describe('names from files', () => {
  it('are kept without controls, bidi controls and invisible characters, so two names that look alike are alike', () => {
    expect(textFromFile(' a\x1b[2J\x07b\r\n ')).toBe('a[2Jb');
    expect(nameFromFile('alice\u202eexe.txt', 'x')).toBe('aliceexe.txt');
    expect(nameFromFile('ali\u200bce\ufeff', 'x')).toBe('alice');
    expect(nameFromFile('\u2066\u2069', 'fallback')).toBe('fallback');
  });

  it('keep letters of every script and emoji with their joiners, cut to 64 characters', () => {
    expect(nameFromFile('Zoë 日本 👨‍👩‍👧', 'x')).toBe('Zoë 日本 👨‍👩‍👧');
    expect(nameFromFile('é'.repeat(70), 'x')).toBe('é'.repeat(64));
  });
});
