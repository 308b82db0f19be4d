import { describe, expect, it } from 'vitest';
import { printable, withoutUnprintable } from '../src/printable.js';

/** What must never reach a terminal raw from outside: controls, bidi and other invisible format characters. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

describe('printable', () => {
  it('shows control characters as escapes: C0, DEL and C1', () => {
    expect(printable('a\x1b[2Jb')).toBe('a\\x1b[2Jb');
    expect(printable('\x1b]0;pwned\x07')).toBe('\\x1b]0;pwned\\x07');
    expect(printable('\x00\x08\x7f\x9b\x85')).toBe('\\x00\\x08\\x7f\\x9b\\x85');
  });

  it('shows line ends and tabs by name, so one line stays one line', () => {
    expect(printable('backup\r\nverified OK\tx')).toBe('backup\\r\\nverified OK\\tx');
  });

  it('keeps line ends and tabs in a block of text, and escapes a carriage return', () => {
    expect(printable('one\ntwo\tthree\r\nfour\x1b[A', { multiline: true })).toBe('one\ntwo\tthree\\r\nfour\\x1b[A');
  });

  it('shows bidi controls, so a name cannot be reordered', () => {
    for (const [char, shown] of [
      ['\u202e', '\\u202e'],
      ['\u202a', '\\u202a'],
      ['\u2066', '\\u2066'],
      ['\u2069', '\\u2069'],
      ['\u200e', '\\u200e'],
      ['\u200f', '\\u200f'],
      ['\u061c', '\\u061c'],
    ]) {
      expect(printable(`a${char}b`)).toBe(`a${shown}b`);
    }
  });

  it('shows other invisible characters: zero-width space, BOM, soft hyphen, tags, separators', () => {
    expect(printable('a\u200bb\ufeffc\u00add')).toBe('a\\u200bb\\ufeffc\\xadd');
    expect(printable('x\u{e0041}')).toBe('x\\u{e0041}');
    expect(printable('a\u2028b\u2029c')).toBe('a\\u2028b\\u2029c');
    expect(printable('lone \ud800 surrogate')).toBe('lone \\ud800 surrogate');
  });

  it('keeps ordinary Unicode as it is: accents, CJK, right-to-left letters, emoji with their joiners', () => {
    for (const text of [
      'Zoë Ångström',
      '日本語のアカウント',
      'שלום עולם',
      'مرحبا',
      '👨‍👩‍👧 family',
      '🇨🇭',
      'ख़ुश',
      'می‌خواهم',
    ]) {
      expect(printable(text)).toBe(text);
    }
  });

  it('drops what it would escape, for a name that is kept', () => {
    expect(withoutUnprintable('a\x1b[2J\u202eb\u200bc\r\n')).toBe('a[2Jbc');
    expect(withoutUnprintable('👨‍👩‍👧')).toBe('👨‍👩‍👧');
  });

  it('leaves nothing unsafe, and is the same when applied again', () => {
    let all = '';
    for (let code = 0; code < 0x3000; code++) if (code < 0xd800 || code > 0xdfff) all += String.fromCodePoint(code);
    all += '\u{e0001}\u{e007f}\u{1d173}\ufff9\ufffb';
    const shown = printable(all);
    expect(shown).not.toMatch(/[\p{Cc}\p{Zl}\p{Zp}]/u);
    expect(shown.replace(/[\u200c\u200d]/gu, '')).not.toMatch(UNSAFE);
    expect(printable(shown)).toBe(shown);
    expect(printable(printable('a\nb', { multiline: true }))).toBe('a\\nb');
  });

  it('cuts a long value before escaping it, so an escape is never cut in half', () => {
    expect(printable('abcdef', { limit: 4 })).toBe('abc…');
    expect(printable('abcd', { limit: 4 })).toBe('abcd');
    expect(printable('\x1b\x1b\x1b\x1b\x1b', { limit: 3 })).toBe('\\x1b\\x1b…');
    expect(printable('😀😀😀', { limit: 2 })).toBe('😀…');
    expect(printable('😀😀', { limit: 2 })).toBe('😀😀');
    expect(printable('x'.repeat(8_000_000), { limit: 100 })).toBe(`${'x'.repeat(99)}…`);
    expect(() => printable('a', { limit: 0 })).toThrow(RangeError);
  });
});
