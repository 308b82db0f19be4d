import type { Key } from 'ink';

/** What a terminal sends for the keys tests press: named once, as the keymap names them. */

export const ENTER = '\r';
export const ESC = '\u001B';
export const TAB = '\t';
export const SHIFT_TAB = '\u001B[Z';
export const ARROW_UP = '\u001B[A';
export const ARROW_DOWN = '\u001B[B';
export const ARROW_LEFT = '\u001B[D';
export const ARROW_RIGHT = '\u001B[C';
export const PAGE_UP = '\u001B[5~';
export const PAGE_DOWN = '\u001B[6~';
export const BACKSPACE = '\u007F';
export const CTRL_C = '\u0003';
export const CTRL_S = '\u0013';
export const CTRL_U = '\u0015';

/** `text` as a terminal in bracketed-paste mode sends it: one write, marked as pasted. */
export const paste = (text: string) => `\u001B[200~${text}\u001B[201~`;

/** The flags Ink hands a handler with a key: none set. */
export const NO_KEY: Key = {
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

/** Ink's flags for a key, for tests that call a key reader directly: `key({ tab: true, shift: true })`. */
export const key = (overrides: Partial<Key> = {}): Key => ({ ...NO_KEY, ...overrides });
