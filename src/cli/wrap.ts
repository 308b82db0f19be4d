/**
 * Prose for a terminal, wrapped at word boundaries: the terminal itself would cut a word at
 * its last column. A span in backticks (a command to copy) is kept whole, and so is a word
 * longer than a line (an address, a path), which the terminal then wraps as it must.
 */
export function wrapProse(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => wrapLine(line, width))
    .join('\n');
}

const WORD = /(?:`[^`]*`|[^\s`]|`)+/gu;

function wrapLine(line: string, width: number): string {
  if ([...line].length <= width) return line;
  const indent = /^ */u.exec(line)![0];
  const lines: string[] = [];
  let current = '';
  for (const [word] of line.matchAll(WORD)) {
    if (current && [...current].length + 1 + [...word].length > width) {
      lines.push(current);
      current = indent + word;
    } else current = current ? `${current} ${word}` : indent + word;
  }
  return [...lines, current].join('\n');
}

/** Below this a terminal is too narrow for wrapping to help. */
export const NARROWEST = 20;

/** `text` and a newline, wrapped to the terminal `stream` is, if it is one; as it is for a pipe or a file. */
export function proseFor(stream: { isTTY?: boolean; columns?: number }, text: string): string {
  const width = stream.isTTY ? stream.columns : undefined;
  return `${width && width >= NARROWEST ? wrapProse(text, width) : text}\n`;
}
