import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { formatBytes } from '../../media/format-bytes.js';
import type { RemovableDrive } from '../../media/drives.js';
import { printable } from '../../printable.js';
import { describeBytes, describeText, payloadName, type KeyFileFormat } from '../../qr/payload.js';
import { skippedCount, skippedParts, type ReadSource, type ReadTally } from '../../qr/read.js';
import type { Progress, Reassembled, TransferSeen } from '../../qr/reassembly.js';
import { nameFromFile, textFromFile } from '../../vault/names.js';
import type { Network } from '../../vault/networks.js';
import { backupFileName } from '../backups/backup-text.js';
import { countOf } from '../../count.js';
import { capitalise } from '../../ui/sentence.js';

/** What pictures of QR codes held, in the terms the screen offers something for; pure, so tests pin it. */
export type Found =
  | { kind: 'backup'; payload: Uint8Array }
  | {
      kind: 'address';
      address: string;
      name: string;
      genesisHash: string;
      network?: Network;
      code: { address: string; name?: string };
    }
  /** A polkadot.js key file: an account, the extension's batch, or apps' list, as the import reads them. */
  | { kind: 'key-file'; format: KeyFileFormat; payload: Uint8Array }
  | { kind: 'text'; text: string; payload: Uint8Array }
  | { kind: 'data'; payload: Uint8Array };

export type AddressFound = Extract<Found, { kind: 'address' }>;
export type Savable = Exclude<Found, { kind: 'address' }>;

export function classify(result: Reassembled): Found {
  const payload = result.kind === 'bytes' ? result.payload : new Uint8Array(Buffer.from(result.text, 'utf8'));
  const described = describeBytes(payload);
  if (described.kind === 'airlock-backup') return { kind: 'backup', payload };
  if (described.kind === 'polkadot-js') return { kind: 'key-file', format: described.format, payload };
  if (result.kind === 'bytes') return { kind: 'data', payload };
  const address = describeText(result.text);
  if (address?.kind !== 'address') return { kind: 'text', text: result.text, payload };
  const { qr, network } = address;
  // Read from a picture: kept cleaned of terminal controls; `code` is what it said, shown escaped.
  return {
    kind: 'address',
    address: textFromFile(qr.address),
    name: nameFromFile(qr.name, ''),
    genesisHash: qr.genesisHash,
    ...(network ? { network } : {}),
    code: { address: qr.address, ...(qr.name === undefined ? {} : { name: qr.name }) },
  };
}

/** What the screen says it is, a line each. */
export function describeFound(found: Found): string[] {
  switch (found.kind) {
    case 'backup':
      return [
        `An airlock backup (${formatBytes(found.payload.length)}), encrypted with its own password: it can be saved anywhere.`,
      ];
    case 'key-file':
      return [
        `${capitalise(payloadName({ kind: 'polkadot-js', format: found.format }, found.payload.length))} (${formatBytes(found.payload.length)}): the import reads it once it is saved.`,
      ];
    case 'data':
      return [`${formatBytes(found.payload.length)} of data that is not an airlock backup.`];
    case 'text':
      // Escaped, not cleaned: a person sees that the code holds controls, and which.
      return [
        `A QR code with ${[...found.text].length} characters of text that is no address:`,
        `"${printable(found.text, { limit: 200 })}"`,
      ];
    case 'address': {
      const { code } = found;
      const given = code.name === undefined ? '' : printable(code.name);
      return [
        'A substrate: address:',
        `  Address: ${printable(code.address)}`,
        `  Network: ${found.network ? `${found.network.displayName} (${found.network.name})` : `a chain airlock does not know (genesis hash ${found.genesisHash})`}`,
        `  Name:    ${given || '(none given)'}`,
        ...(given && given !== found.name
          ? [`  (the address book would keep it as "${found.name || 'no name'}")`]
          : []),
      ];
    }
  }
}

/** What the import takes: offered for import once saved. */
export const isImportable = (found: Found): found is Extract<Found, { kind: 'backup' | 'key-file' }> =>
  found.kind === 'backup' || found.kind === 'key-file';

/** `airlock-backup-….json` for a backup, as an export names it; `polkadot-js-….json`, `qr-text-…` and `qr-data-…` otherwise. */
export function fileNameFor(found: Savable, at: Date): string {
  const backup = backupFileName(at);
  if (found.kind === 'backup') return backup;
  const stamp = backup.slice('airlock-backup-'.length, -'.json'.length);
  if (found.kind === 'key-file') return `polkadot-js-${stamp}.json`;
  return found.kind === 'text' ? `qr-text-${stamp}.txt` : `qr-data-${stamp}.bin`;
}

/** Where it is saved unless the user says otherwise: the first writable removable drive, else next to the pictures. */
export function saveDirectory(drives: readonly RemovableDrive[] | undefined, path: string, source: ReadSource): string {
  const drive = drives?.find((d) => !d.readOnly);
  // Beside the pictures or the video; a camera's /dev is no place for a file.
  return drive?.mountPoint ?? (source === 'folder' ? path : source === 'camera' ? homedir() : dirname(path));
}

export const defaultSavePath = (directory: string, fileName: string) => join(directory, fileName);

export interface ReadProgress {
  pictures: number;
  frames: number;
  skipped: number;
  percent: number;
  /** Once the reading is over: what was skipped, named. */
  skippedNames?: string[];
}

/** How far the reading came; with `others`, the transfers skipped, once it is over. */
export function readProgress(tally: ReadTally, progress: Progress, others?: readonly TransferSeen[]): ReadProgress {
  return {
    pictures: tally.pictures,
    frames: tally.new,
    skipped: skippedCount(tally),
    percent: Math.floor(progress.fraction * 100),
    ...(others ? { skippedNames: skippedParts(tally, others) } : {}),
  };
}

/** `12 pictures, 11 frames, 45% complete (1 skipped)`. */
export function progressText({ pictures, frames, skipped, percent }: ReadProgress): string {
  return `${countOf(pictures, 'picture')}, ${countOf(frames, 'frame')}, ${percent}% complete${skipped > 0 ? ` (${skipped} skipped)` : ''}`;
}
