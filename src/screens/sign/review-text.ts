import { hintLineCount } from '../../ui/components/key-hints.js';
import type { Hint } from '../../ui/keymap.js';
import type { ShownLine } from '../../sign/describe.js';
import type { PreparedSignature } from '../../sign/signing.js';

/** What stays at the top while what is signed scrolls: whose key signs, on which chain. */
export const reviewTitle = ({ account, chain }: PreparedSignature) =>
  `Sign with ${account.name} (${account.type}) on ${chain.displayName}?`;

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

/** A blank row under the title, the position, the question: the rows around the title, body and hints. */
const CHROME_ROWS = 3;

export interface ReviewLayout {
  /** The title's rows: it wraps when a name is long. */
  title: string[];
  /** Every row of what is signed; `scroll.height` of them are shown. */
  body: string[];
  scroll: { rows: number; height: number };
}

/** The review fitted to `width`×`height`: the title whole, what is signed in the rows left. */
export function reviewLayout(prepared: PreparedSignature, width: number, height: number): ReviewLayout {
  const title = wrapRow(reviewTitle(prepared), width, 2);
  const body = shownRows(prepared.lines, width);
  const room = height - CHROME_ROWS - title.length - hintLineCount(SCROLL_HINTS, width);
  return { title, body, scroll: { rows: body.length, height: Math.max(3, room) } };
}
