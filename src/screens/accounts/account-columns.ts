import type { AccountView } from '../../vault/accounts.js';

/** Column widths of the account list; a width of 0 hides the column. */
export interface Columns {
  name: number;
  address: number;
  type: number;
  path: number;
  network: number;
  identity: number;
}

const ORDER = ['name', 'address', 'type', 'path', 'network', 'identity'] as const;
const TITLES: Record<keyof Columns, string> = {
  name: 'NAME',
  address: 'ADDRESS',
  type: 'TYPE',
  path: 'PATH',
  network: 'NETWORK',
  identity: 'IDENTITY',
};
/** SS58 with a one-byte prefix; longer ones are shortened in the middle (the detail line shows it whole). */
const WHOLE_ADDRESS = 48;
const SHORT_ADDRESS = 15;
/** How far each column grows, in this order, when there is room to spare. */
const GROWTH: [keyof Columns, number][] = [
  ['name', 24],
  ['path', 20],
  ['identity', 16],
  ['network', 14],
];

export function accountColumns(width: number): Columns {
  // The path's end, where Ledger paths differ (`…/3'/0'/0'`), fits even at 80 columns.
  const columns: Columns = { name: 14, address: 0, type: 8, path: 12, network: 0, identity: 9 };
  const gaps = 4;
  let spare = width - (columns.name + columns.type + columns.path + columns.identity) - gaps;
  columns.address = Math.max(SHORT_ADDRESS, Math.min(WHOLE_ADDRESS, spare));
  spare -= columns.address;
  // The network column comes only once whole addresses fit: an address says more.
  if (spare >= 11) {
    columns.network = 10;
    spare -= 11;
  }
  for (const [column, most] of GROWTH) {
    if (columns[column] === 0) continue;
    const grow = Math.max(0, Math.min(spare, most - columns[column]));
    columns[column] += grow;
    spare -= grow;
  }
  return columns;
}

/** `text` cut to `width` (ending in `…` when cut) and padded to it. */
export function fit(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text + ' '.repeat(width - chars.length);
  return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/**
 * A derivation path cut at its start, `…/3'/0'/0'`: paths of one identity share their start and
 * differ at the end (the Ledger account and index, the last `//name`). Cut at a separator when one
 * is in view, so no number is shown in part.
 */
export function fitPath(path: string, width: number): string {
  const chars = [...path];
  if (chars.length <= width) return fit(path, width);
  const tail = chars.slice(chars.length - (width - 1)).join('');
  const separator = tail.search(/\//u);
  return fit(`…${separator > 0 ? tail.slice(separator) : tail}`, width);
}

/** An address cut in the middle, so both ends that people compare stay visible. */
export function shortenMiddle(text: string, width: number): string {
  if (text.length <= width) return text;
  const head = Math.ceil((width - 1) / 2);
  const tail = width - 1 - head;
  return `${text.slice(0, head)}…${tail > 0 ? text.slice(-tail) : ''}`;
}

function cells(values: Record<keyof Columns, string>, columns: Columns): string {
  return ORDER.filter((c) => columns[c] > 0)
    .map((c) => fit(values[c], columns[c]))
    .join(' ');
}

export function headerRow(columns: Columns): string {
  return cells(TITLES, columns).trimEnd();
}

export function accountRow(view: AccountView, columns: Columns): string {
  return cells(
    {
      name: view.name,
      address: shortenMiddle(view.address, columns.address),
      type: view.type,
      path: fitPath(view.path || '(root)', columns.path),
      network: view.network,
      identity: view.identity,
    },
    columns,
  );
}
