import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandFor, hints, isInterrupt } from '../../src/ui/keymap.js';

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};
const key = (overrides: Partial<Key>): Key => ({ ...NO_KEY, ...overrides });

describe('the keymap', () => {
  it('maps arrows and vi keys to the same commands', () => {
    expect(commandFor('', key({ downArrow: true }), ['up', 'down'])).toBe('down');
    expect(commandFor('j', NO_KEY, ['up', 'down'])).toBe('down');
    expect(commandFor('k', NO_KEY, ['up', 'down'])).toBe('up');
  });

  it('tells Tab from Shift-Tab, and answers only with the commands a screen allows', () => {
    expect(commandFor('', key({ tab: true }), ['nextSection', 'previousSection'])).toBe('nextSection');
    expect(commandFor('', key({ tab: true, shift: true }), ['nextSection', 'previousSection'])).toBe('previousSection');
    expect(commandFor('q', NO_KEY, ['up', 'down'])).toBeUndefined();
  });

  it('gives every command distinct keys, and a hint line from the same table', () => {
    const labels = Object.values(COMMANDS).map((c) => c.keys);
    expect(new Set(labels).size).toBe(labels.length);
    expect(hints(['confirm', 'back'])).toBe('Enter open or confirm · Esc back or cancel');
  });

  it('treats Ctrl-C as an interrupt, and plain c as a letter', () => {
    expect(isInterrupt('c', key({ ctrl: true }))).toBe(true);
    expect(isInterrupt('c', NO_KEY)).toBe(false);
  });
});
