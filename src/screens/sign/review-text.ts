import { hintLineCount } from '../../ui/components/key-hints.js';
import type { Hint } from '../../ui/keymap.js';
import type { ShownLine } from '../../sign/describe.js';
import type { PreparedSignature } from '../../sign/signing.js';

/** What the review says above what is signed: whose key signs, for which chain, and how the decoding is backed. */
export function reviewHeader(prepared: PreparedSignature): string[] {
  const { account, chain } = prepared;
  return [`${account.name} (${account.type}) on ${chain.displayName}`, CHECKED_BY[prepared.checkedBy]];
}

export const CHECKED_BY: Record<PreparedSignature['checkedBy'], string> = {
  'metadata-proof': '✓ Metadata proof verified (RFC-0078), and decoded with it',
  'stored-metadata': "✓ Decoded with the chain's metadata kept beside the vault",
  message: 'A message, not a transaction: signed as shown',
};

export const reviewTitle = (prepared: PreparedSignature) =>
  prepared.action === 'transaction' ? 'Sign this transaction?' : 'Sign this message?';

/**
 * What is signed as the rows of a column `width` wide: each line indented two columns a level,
 * wrapped at spaces (a long address or hex is cut where it must be), its further rows indented
 * two more, so that nothing is cut off and the screen knows how many rows it has to scroll.
 */
export function shownRows(lines: readonly ShownLine[], width: number): string[] {
  return lines.flatMap(({ depth, text }) => {
    // Deep nesting stops indenting where a third of the width would go to it.
    const indent = ' '.repeat(Math.min(depth * 2, Math.floor(width / 3)));
    return wrapRow(text, width - indent.length, 2).map((row) => indent + row);
  });
}

/** `text` as rows at most `width` columns wide, the rows after the first indented by `hang`. */
export function wrapRow(text: string, width: number, hang = 0): string[] {
  const room = Math.max(4, width);
  const rows: string[] = [];
  let rest = text;
  let prefix = '';
  while (columns(prefix + rest) > room) {
    const [head, tail] = breakAt(rest, room - prefix.length);
    rows.push(prefix + head);
    rest = tail;
    prefix = ' '.repeat(Math.min(hang, room - 1));
  }
  return [...rows, prefix + rest];
}

/** The longest head of `text` that fits `room` columns, ending at a space when there is one; and the rest. */
function breakAt(text: string, room: number): [string, string] {
  const chars = [...text];
  let fits = 0;
  let used = 0;
  while (fits < chars.length && used + columns(chars[fits]!) <= room) used += columns(chars[fits++]!);
  const fitted = Math.max(1, fits);
  const space = chars.slice(0, fitted + 1).lastIndexOf(' ');
  const end = space > 0 ? space : fitted;
  return [chars.slice(0, end).join('').trimEnd(), chars.slice(end).join('').trimStart()];
}

// East Asian wide letters and emoji take two columns; counted so, a row never spills into the next.
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\p{Emoji_Presentation}\u{20000}-\u{3FFFD}]/gu;

/** The columns a terminal gives `text`: wide characters count two. */
export function columns(text: string): number {
  return [...text].length + (text.match(WIDE)?.length ?? 0);
}

/** The review's keys besides y and Esc, which its own line says. */
export const SCROLL_HINTS: readonly Hint[] = [
  [['up', 'down'], 'scroll'],
  [['pageUp', 'pageDown'], 'a page'],
  [['first', 'last'], 'top, end'],
];

/** Title, a blank row under the header, the position, the question: the rows around the header, body and hints. */
const CHROME_ROWS = 4;

export interface ReviewLayout {
  title: string;
  header: string[];
  /** Every row of what is signed; `scroll.height` of them are shown. */
  body: string[];
  scroll: { rows: number; height: number };
}

/** The review fitted to `width`×`height`: the header whole, what is signed in the rows left. */
export function reviewLayout(prepared: PreparedSignature, width: number, height: number): ReviewLayout {
  const header = reviewHeader(prepared).flatMap((text) => wrapRow(text, width, 2));
  const body = shownRows(prepared.lines, width);
  const room = height - CHROME_ROWS - header.length - hintLineCount(SCROLL_HINTS, width);
  return { title: reviewTitle(prepared), header, body, scroll: { rows: body.length, height: Math.max(3, room) } };
}
