import type { Key } from 'ink';

// eslint-disable-next-line no-control-regex -- bracketed-paste markers begin with ESC
const PASTE_START = /^\x1b?\[200~/u;
// eslint-disable-next-line no-control-regex -- bracketed-paste markers begin with ESC
const PASTE_END = /\x1b?\[201~$/u;

/**
 * Turns what the terminal delivered into keys, one by one. Keys typed faster than they are
 * read (a fast typist, tmux, a script) arrive as one chunk, "j⏎" or "bob⇥5Grw…⏎"; each must
 * act in turn, so a Tab or Enter inside still moves or submits. A bracketed paste is only
 * text, whatever it holds: Ink hands over its markers around it, and `pasting` carries the
 * state between those calls.
 */
export function keystrokes(input: string, key: Key, pasting: { current: boolean }): [string, Key][] {
  let text = input;
  if (PASTE_START.test(text)) {
    pasting.current = true;
    text = text.replace(PASTE_START, '');
  }
  const ends = PASTE_END.test(text);
  text = text.replace(PASTE_END, '');
  if (pasting.current) {
    if (ends) pasting.current = false;
    return text ? [[text, { ...key, return: false, tab: false, backspace: false }]] : [];
  }
  // Read before any command is: a Ctrl or Alt chord, or an escape sequence, is one key whatever its letters.
  if ([...text].length <= 1 || key.ctrl || key.meta || text.startsWith('\x1b')) return [[text, key]];
  return [...text].map((ch): [string, Key] => {
    if (ch === '\r' || ch === '\n') return ['', { ...key, return: true }];
    if (ch === '\t') return ['', { ...key, tab: true }];
    if (ch === '\x7f' || ch === '\b') return ['', { ...key, backspace: true }];
    // Other control characters are Ctrl and a letter: \x15 is Ctrl-U.
    const code = ch.charCodeAt(0);
    if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), { ...key, ctrl: true }];
    return [ch, { ...key, shift: ch !== ch.toLowerCase() }];
  });
}
