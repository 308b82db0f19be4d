import { formatBytes } from '../media/format-bytes.js';
import { networkOfGenesis, type Network } from '../vault/networks.js';
import { parseKeyFile } from '../vault/polkadot-js/schema.js';
import { parseAddressQr, type AddressQr } from './address-qr.js';

/** The three polkadot.js key files the import reads: one account, the extension's batch, apps' list. */
export type KeyFileFormat = 'account' | 'batch' | 'list';

/** What a read payload is, so the command can say it. */
export type PayloadKind =
  | { kind: 'address'; qr: AddressQr; network: Network | undefined }
  | { kind: 'airlock-backup' }
  | { kind: 'polkadot-js'; format: KeyFileFormat }
  | { kind: 'data' };

export function describeText(text: string): PayloadKind | undefined {
  const qr = parseAddressQr(text);
  return qr && { kind: 'address', qr, network: networkOfGenesis(qr.genesisHash) };
}

/**
 * An airlock backup names its format near its start, as `openBackupFile` tells it; a polkadot.js
 * key file is told by the import's own parser, so what is offered for import is what it reads.
 */
export function describeBytes(payload: Uint8Array): PayloadKind {
  const head = Buffer.from(payload.subarray(0, 1024)).toString('utf8');
  if (/"format"\s*:\s*"airlock-backup"/u.test(head)) return { kind: 'airlock-backup' };
  const format = keyFileFormat(payload);
  return format ? { kind: 'polkadot-js', format } : { kind: 'data' };
}

/** Files a backup import takes: offered for import once saved. */
export const isImportable = (kind: PayloadKind): boolean =>
  kind.kind === 'airlock-backup' || kind.kind === 'polkadot-js';

function keyFileFormat(payload: Uint8Array): KeyFileFormat | undefined {
  // JSON starts with `{` or `[`: anything else is not parsed at all.
  const first = payload.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
  if (first !== 0x7b && first !== 0x5b) return undefined;
  try {
    return parseKeyFile(new TextDecoder('utf-8', { fatal: true }).decode(payload), 'the codes').kind;
  } catch {
    return undefined;
  }
}

const KEY_FILE_NAMES: Record<KeyFileFormat, string> = {
  account: 'a polkadot.js account file',
  batch: 'a polkadot.js "export all accounts" file',
  list: 'a polkadot.js file of accounts',
};

/** What a payload is, in a few words: "an airlock backup", "an address", "3.0 KiB of data". */
export function payloadName(kind: PayloadKind | undefined, length: number): string {
  switch (kind?.kind) {
    case 'address':
      return 'an address';
    case 'airlock-backup':
      return 'an airlock backup';
    case 'polkadot-js':
      return KEY_FILE_NAMES[kind.format];
    case 'data':
      return `${formatBytes(length)} of data`;
    case undefined:
      return 'text';
  }
}
