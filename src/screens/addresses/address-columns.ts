import type { AddressEntry } from '../../vault/model.js';

/** Widths of the address-book table, fitted to the width the screen has. */
export interface AddressColumns {
  name: number;
  address: number;
  network: number;
  note: number;
}

const GAP = '  ';
const MIN_NOTE = 8;
/** Enough of both ends to tell two addresses apart at a glance. */
const MIN_ADDRESS = 15;

const widest = (texts: string[], floor: number, ceiling: number) =>
  Math.min(ceiling, Math.max(floor, ...texts.map((t) => [...t].length)));

/** The address keeps its full length when it fits beside a useful note; otherwise it gives way first. */
export function addressColumns(entries: readonly AddressEntry[], width: number): AddressColumns {
  const name = widest(
    entries.map((e) => e.name),
    4,
    16,
  );
  const network = widest(
    entries.map((e) => e.network),
    7,
    16,
  );
  const fullAddress = widest(
    entries.map((e) => e.address),
    7,
    64,
  );
  const room = width - name - network - 3 * GAP.length;
  const address = Math.min(fullAddress, Math.max(MIN_ADDRESS, room - MIN_NOTE));
  return { name, address, network, note: Math.max(0, room - address) };
}

export function addressHeader(columns: AddressColumns): string {
  return row(columns, 'NAME', 'ADDRESS', 'NETWORK', 'NOTE');
}

export function addressRow(entry: AddressEntry, columns: AddressColumns): string {
  return row(columns, entry.name, shortenMiddle(entry.address, columns.address), entry.network, entry.note);
}

function row(columns: AddressColumns, name: string, address: string, network: string, note: string): string {
  const cells = [fitEnd(name, columns.name), fitEnd(address, columns.address), fitEnd(network, columns.network)];
  return (columns.note > 0 ? [...cells, fitEnd(note, columns.note)] : cells).join(GAP).trimEnd();
}

/** `5FHneW46xG…UhjJM694ty`: both ends of an address are what people compare. */
export function shortenMiddle(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return '…'.slice(0, width);
  const head = Math.ceil((width - 1) / 2);
  const tail = width - 1 - head;
  return `${chars.slice(0, head).join('')}…${tail > 0 ? chars.slice(-tail).join('') : ''}`;
}

/** Cut to `width` with an ellipsis, and padded to it so the columns line up. */
export function fitEnd(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...text.replace(/\s+/gu, ' ')];
  const cut = chars.length <= width ? chars.join('') : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
  return cut.padEnd(width);
}
