import { formatBytes } from '../../media/format-bytes.js';
import type { StoredFileState } from '../../sign/metadata-store.js';
import type { MetadataRecord } from '../../vault/model.js';
import { fitEnd } from '../addresses/address-columns.js';

const GAP = '  ';
const VERSION = 3;
const SIZE = 9;
const ADDED = 10;
const FILE = 7;

export interface MetadataColumns {
  network: number;
  spec: number;
}

/** The network column gets what the others leave, up to its longest name; the spec its longest number. */
export function metadataColumns(records: readonly MetadataRecord[], width: number): MetadataColumns {
  const spec = Math.max(4, ...records.map((r) => String(r.specVersion).length));
  const longest = Math.max(7, ...records.map((r) => [...r.network].length));
  const room = width - spec - VERSION - SIZE - ADDED - FILE - 5 * GAP.length;
  return { network: Math.max(7, Math.min(longest, room)), spec };
}

export const metadataHeader = (columns: MetadataColumns) =>
  row(columns, ['NETWORK', 'SPEC', 'VER', 'SIZE', 'ADDED', 'FILE']);

/** What the FILE column says of the file kept beside the vault; `undefined` while it is being checked. */
export const FILE_STATE: Record<StoredFileState, string> = { intact: 'ok', changed: 'CHANGED', missing: 'MISSING' };

/** `polkadot  1003000  V15  1.2 MiB    2026-12-07  ok`. */
export function metadataRow(record: MetadataRecord, columns: MetadataColumns, state?: StoredFileState): string {
  return row(columns, [
    record.network,
    String(record.specVersion),
    `V${record.metadataVersion}`,
    formatBytes(record.size),
    record.addedAt.slice(0, 10),
    state ? FILE_STATE[state] : '…',
  ]);
}

/** An ISO time as `2026-12-07 16:58` (UTC, as recorded). */
export const addedText = (addedAt: string) => addedAt.slice(0, 16).replace('T', ' ');

function row(columns: MetadataColumns, [network, spec, version, size, added, file]: string[]): string {
  return [
    fitEnd(network!, columns.network),
    fitEnd(spec!, columns.spec),
    fitEnd(version!, VERSION),
    fitEnd(size!, SIZE),
    fitEnd(added!, ADDED),
    fitEnd(file!, FILE),
  ]
    .join(GAP)
    .trimEnd();
}
