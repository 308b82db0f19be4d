import { describe, expect, it } from 'vitest';
import { textKeyOf } from '../../src/ui/components/text-keys.js';
import { keystrokes } from '../../src/ui/keystrokes.js';
import { key } from '../helpers/keys.js';

describe('keystrokes', () => {
  it('splits a chunk typed ahead into its keys, in order', () => {
    const keys = keystrokes('/aB\t\x7f\r', key(), { current: false });
    expect(keys.map(([input]) => input)).toEqual(['/', 'a', 'B', '', '', '']);
    expect(keys.map(([, k]) => [k.shift, k.tab, k.backspace, k.return])).toEqual([
      [false, false, false, false],
      [false, false, false, false],
      [true, false, false, false],
      [false, true, false, false],
      [false, false, true, false],
      [false, false, false, true],
    ]);
  });

  it('keeps a bracketed paste whole, markers removed, across the calls Ink makes for it', () => {
    const pasting = { current: false };
    expect(keystrokes('\x1b[200~', key(), pasting)).toEqual([]);
    expect(pasting.current).toBe(true);
    expect(keystrokes('bottom drive\robey', key(), pasting)).toEqual([['bottom drive\robey', key()]]);
    expect(keystrokes('\x1b[201~', key(), pasting)).toEqual([]);
    expect(pasting.current).toBe(false);
    expect(keystrokes('[200~walk\r[201~', key({ return: false }), pasting)).toEqual([['walk\r', key()]]);
    expect(pasting.current).toBe(false);
  });

  it('reads other control characters in a chunk as Ctrl and a letter', () => {
    expect(keystrokes('a\x15b', key(), { current: false })).toEqual([
      ['a', key()],
      ['u', key({ ctrl: true })],
      ['b', key()],
    ]);
  });

  it('passes single keys and escape sequences through untouched', () => {
    expect(keystrokes('x', key(), { current: false })).toEqual([['x', key()]]);
    expect(keystrokes('\x1b[B', key({ downArrow: true }), { current: false })).toEqual([
      ['\x1b[B', key({ downArrow: true })],
    ]);
  });
});

describe('textKeyOf', () => {
  it('reads text, Enter and deletions for a field, and leaves other keys to the screen', () => {
    expect(textKeyOf('a', key())).toEqual({ edit: { type: 'insert', text: 'a' }, submit: false });
    expect(textKeyOf('', key({ return: true }))).toEqual({ submit: true });
    expect(textKeyOf('', key({ backspace: true }))?.edit).toEqual({ type: 'delete-back' });
    expect(textKeyOf('u', key({ ctrl: true }))?.edit).toEqual({ type: 'clear' });
    expect(textKeyOf('', key({ tab: true }))).toBeUndefined();
    expect(textKeyOf('', key({ escape: true }))).toBeUndefined();
  });
});
