import { MAX_VERSION, modulesOf } from './capacity.js';
import { qrCells } from './terminal-text.js';

/** The quiet zone around a symbol: readers want some light border; 4 is the standard's ideal. */
export const MIN_MARGIN = 2;
const MAX_MARGIN = 4;

/** Rows below the symbol for the frame counter and the keys. */
export const STATUS_ROWS = 1;

/**
 * jsqr locates the alignment patterns of version 23 at the wrong places (a bug in its
 * table), so a version-23 symbol fails to decode there: airlock never draws one.
 */
export const SKIPPED_VERSIONS: ReadonlySet<number> = new Set([23]);

export interface Fit {
  version: number;
  /** Quiet zone in modules: at least MIN_MARGIN. */
  margin: number;
}

/** The margin a version gets in a terminal of that size, or undefined when it does not fit. */
export function fitVersion(version: number, columns: number, rows: number): Fit | undefined {
  if (SKIPPED_VERSIONS.has(version)) return undefined;
  const modules = modulesOf(version);
  let margin: number | undefined;
  for (let m = MIN_MARGIN; m <= MAX_MARGIN; m++) {
    const cells = qrCells(modules, m);
    if (cells.columns <= columns && cells.rows <= rows - STATUS_ROWS) margin = m;
  }
  return margin === undefined ? undefined : { version, margin };
}

/** The largest version that fits the terminal, or undefined when not even version 1 does. */
export function largestFit(columns: number, rows: number): Fit | undefined {
  for (let version = MAX_VERSION; version >= 1; version--) {
    const fit = fitVersion(version, columns, rows);
    if (fit) return fit;
  }
  return undefined;
}

/** The smallest version holding `length` characters (by `capacity`), skipping the unreadable ones. */
export function smallestVersion(length: number, capacity: (version: number) => number): number | undefined {
  for (let version = 1; version <= MAX_VERSION; version++) {
    if (!SKIPPED_VERSIONS.has(version) && capacity(version) >= length) return version;
  }
  return undefined;
}

/** What a terminal needs at least to show version 1: for the message that it is too small. */
export function smallestTerminal(version = 1): { columns: number; rows: number } {
  const cells = qrCells(modulesOf(version), MIN_MARGIN);
  return { columns: cells.columns, rows: cells.rows + STATUS_ROWS };
}
