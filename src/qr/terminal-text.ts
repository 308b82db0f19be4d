import type { QrMatrix } from './matrix.js';

/**
 * Explicit colours both ways, black modules on a white ground, from the 256-colour cube that
 * themes do not restyle: a dark or a light theme cannot invert the code or hide its quiet zone.
 */
export const QR_INK = '\x1b[38;5;16;48;5;231m';
export const RESET = '\x1b[0m';

/** Two modules a character cell, top and bottom: light-light, dark-light, light-dark, dark-dark. */
const CELLS = [' ', '▀', '▄', '█'] as const;

/**
 * The symbol with a quiet zone of `margin` modules as terminal lines, each wrapped in its
 * colours. One character is one module wide and two tall, which a terminal cell about
 * twice as tall as wide shows as square modules.
 */
export function qrLines(matrix: QrMatrix, margin: number): string[] {
  if (!Number.isInteger(margin) || margin < 0) throw new RangeError(`margin: expected a whole number, got ${margin}`);
  const side = matrix.size + 2 * margin;
  const dark = (row: number, col: number) => {
    const r = row - margin;
    const c = col - margin;
    return r >= 0 && c >= 0 && r < matrix.size && c < matrix.size && matrix.dark[r * matrix.size + c] === 1;
  };
  const lines: string[] = [];
  // An odd side gets one more light row at the bottom: more quiet zone, never less.
  for (let row = 0; row < side; row += 2) {
    let text = '';
    for (let col = 0; col < side; col++) text += CELLS[(dark(row, col) ? 1 : 0) + (dark(row + 1, col) ? 2 : 0)];
    lines.push(`${QR_INK}${text}${RESET}`);
  }
  return lines;
}

/** Columns and rows `qrLines` takes for a symbol of `modules` with that margin. */
export function qrCells(modules: number, margin: number): { columns: number; rows: number } {
  const side = modules + 2 * margin;
  return { columns: side, rows: Math.ceil(side / 2) };
}
