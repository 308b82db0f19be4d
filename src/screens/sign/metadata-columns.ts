import { formatBytes } from '../../media/format-bytes.js';
import type { MetadataRow } from '../../sign/signing.js';
import { fitEnd } from '../addresses/address-columns.js';

const GAP = '  ';
const SPEC = 8;
const VERSION = 8;
const SIZE = 9;
const ADDED = 16;

/** The network column's width: the longest name, between the header's and what the width leaves. */
export function networkWidth(rows: readonly MetadataRow[], width: number): number {
  const longest = Math.max(7, ...rows.map((row) => [...row.network].length));
  return Math.max(7, Math.min(longest, width - SPEC - VERSION - SIZE - ADDED - 4 * GAP.length));
}

export const metadataHeader = (network: number) => row(network, ['NETWORK', 'SPEC', 'METADATA', 'SIZE', 'ADDED']);

/** `polkadot  1003000  V15  1.2 MiB  2026-12-07 16:58`. */
export function metadataRow(entry: MetadataRow, network: number): string {
  return row(network, [
    entry.network,
    String(entry.specVersion),
    `V${entry.metadataVersion}`,
    formatBytes(entry.bytes),
    addedText(entry.addedAt),
  ]);
}

/** An ISO time as `2026-12-07 16:58` (UTC, as recorded); anything else as it is, cut to the column. */
export function addedText(addedAt: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/u.exec(addedAt);
  return match ? `${match[1]} ${match[2]}` : addedAt;
}

function row(network: number, [name, spec, version, size, added]: string[]): string {
  return [
    fitEnd(name!, network),
    fitEnd(spec!, SPEC),
    fitEnd(version!, VERSION),
    fitEnd(size!, SIZE),
    fitEnd(added!, ADDED),
  ]
    .join(GAP)
    .trimEnd();
}
