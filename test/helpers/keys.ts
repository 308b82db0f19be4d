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
