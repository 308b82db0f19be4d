/**
 * Text that came from outside (a file, a picture, a QR code), made safe to show on a terminal.
 *
 * A control character can clear the screen, retitle the window or move the cursor to overwrite
 * what airlock said; a bidi control reverses what follows it; an invisible format character
 * hides that two names differ. Each is shown as an escape (`\x1b`, `\u202e`) instead, so the
 * person sees that something odd is there, rather than dropped, which would hide it. Letters of
 * every script, accents and emoji (with their joiners) stay as they are.
 *
 * The result holds only printable characters and backslashes, so it is the same when made
 * printable again: the CLI's output and the app's status line apply it once more as a net.
 */

/**
 * C0, DEL and C1 controls; bidi marks, embeddings, overrides and isolates (U+061C, U+200E/F,
 * U+202A–E, U+2066–9) and the other invisible format characters (\p{Cf}) but the zero-width
 * joiners that emoji and several scripts need; line and paragraph separators; lone surrogates.
 */
const UNPRINTABLE = /(?![\u200C\u200D])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
const UNPRINTABLE_BUT_LINES = /(?![\n\t\u200C\u200D])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export interface PrintableOptions {
  /** Keep line ends and tabs, for text shown as a block of lines (a QR code's text); otherwise one line. */
  multiline?: boolean;
  /** Cut to this many characters (with `…`), for a value quoted in a message: a file can hold megabytes. */
  limit?: number;
}

export function printable(text: string, options: PrintableOptions = {}): string {
  // Cut before escaping, so that no escape is cut in half.
  const kept = options.limit === undefined ? text : cut(text, options.limit);
  return kept.replace(options.multiline ? UNPRINTABLE_BUT_LINES : UNPRINTABLE, escape);
}

/** The same text without what `printable` would escape: for a name that is kept, where no escape belongs. */
export function withoutUnprintable(text: string): string {
  return text.replace(UNPRINTABLE, '');
}

function escape(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.codePointAt(0)!;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\u{${code.toString(16)}}`;
}

function cut(text: string, limit: number): string {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`limit: expected a whole number above 0, got ${limit}`);
  if (text.length <= limit) return text;
  // Counted a character at a time, never spread: a quoted value can be megabytes long.
  let count = 0;
  let keep = 0;
  for (const char of text) {
    if (++count > limit) return `${text.slice(0, keep)}…`;
    if (count < limit) keep += char.length;
  }
  return text;
}

/** For a value from a file quoted in a message: one line, and short enough to read. */
export const QUOTED: PrintableOptions = { limit: 100 };
