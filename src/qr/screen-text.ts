import { STATUS_ROWS, type Fit } from './fit.js';
import type { QrMatrix } from './matrix.js';
import { qrLines } from './terminal-text.js';

export interface TerminalSize {
  columns: number;
  rows: number;
}

/**
 * The whole screen of `airlock qr show` as terminal lines, exactly `size.rows` of them: the
 * symbol centred, the status line last. Tests decode these very lines.
 */
export function qrScreenLines(matrix: QrMatrix, fit: Fit, size: TerminalSize, status: string): string[] {
  const symbol = qrLines(matrix, fit.margin);
  const width = matrix.size + 2 * fit.margin;
  const room = size.rows - STATUS_ROWS;
  const top = Math.max(0, Math.floor((room - symbol.length) / 2));
  const left = ' '.repeat(Math.max(0, Math.floor((size.columns - width) / 2)));
  const lines: string[] = [];
  for (let row = 0; row < room; row++) {
    const line = symbol[row - top];
    lines.push(line === undefined ? '' : left + line);
  }
  lines.push(status.length > size.columns ? `${status.slice(0, Math.max(0, size.columns - 1))}…` : status);
  return lines;
}

/** Clears the screen and draws the lines from its top-left corner. */
export function screenText(lines: readonly string[]): string {
  return `\x1b[H\x1b[2J${lines.join('\r\n')}`;
}
