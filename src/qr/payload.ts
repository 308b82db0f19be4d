import { networkOfGenesis, type Network } from '../vault/networks.js';
import { parseAddressQr, type AddressQr } from './address-qr.js';

/** What a read payload is, so the command can say it. */
export type PayloadKind =
  { kind: 'address'; qr: AddressQr; network: Network | undefined } | { kind: 'airlock-backup' } | { kind: 'data' };

export function describeText(text: string): PayloadKind | undefined {
  const qr = parseAddressQr(text);
  return qr && { kind: 'address', qr, network: networkOfGenesis(qr.genesisHash) };
}

/** An airlock backup names its format near its start, as `openBackupFile` tells it. */
export function describeBytes(payload: Uint8Array): PayloadKind {
  const head = Buffer.from(payload.subarray(0, 1024)).toString('utf8');
  return /"format"\s*:\s*"airlock-backup"/u.test(head) ? { kind: 'airlock-backup' } : { kind: 'data' };
}
