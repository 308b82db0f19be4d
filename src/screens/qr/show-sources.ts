import { formatBytes } from '../../media/format-bytes.js';
import { readSmallFile } from '../../media/read-small-file.js';
import { addressQrText, requireGenesis } from '../../qr/address-qr.js';
import type { ShowSource } from '../../qr/show.js';
import { accountAddress } from '../../vault/accounts.js';
import type { Account } from '../../vault/model.js';
import type { Network } from '../../vault/networks.js';

/** Files leave as frames of this size at most, as with `airlock qr show --file`: a backup is kilobytes. */
export const MAX_SHOW_BYTES = 1024 * 1024;

/** An address QR names its chain by the genesis hash: a network without one (generic Substrate) cannot have one. */
export const namesAChain = (network: Network): boolean => network.genesisHash !== undefined;

/** What the player shows for an account in a network: the `substrate:` code `airlock qr show --account` draws. */
export function accountSource(account: Account, network: Network): ShowSource {
  const address = accountAddress(account, network);
  const text = addressQrText({ address, genesisHash: requireGenesis(network), name: account.name });
  return { kind: 'text', text, label: `${account.name} on ${network.name}: ${address}` };
}

/** A file as animated frames; a refusal that says why when it is missing, empty or too large. */
export async function fileSource(path: string): Promise<ShowSource> {
  const payload = await readSmallFile(path, MAX_SHOW_BYTES, 'to show as QR codes');
  return { kind: 'payload', payload, label: `${path} (${formatBytes(payload.length)})` };
}
