import { formatBytes } from '../media/format-bytes.js';
import { readSmallFile } from '../media/read-small-file.js';
import { accountAddress } from '../vault/accounts.js';
import type { Account } from '../vault/model.js';
import type { Network } from '../vault/networks.js';
import { accountAddressQrText } from './address-qr.js';
import { MAX_TRANSFER_BYTES, type Framing } from './frames.js';
import type { ShowSource } from './show.js';

/** What the player shows for an account in a network: its `substrate:` code, or `ethereum:` for an ethereum key. */
export function accountSource(account: Account, network: Network): ShowSource {
  const address = accountAddress(account, network);
  const text = accountAddressQrText({ type: account.type, network, address, name: account.name });
  // An ethereum code names no chain: the same address serves every EVM chain.
  const where = account.type === 'ethereum' ? 'for EVM chains' : `on ${network.name}`;
  return { kind: 'text', text, label: `${account.name} ${where}: ${address}` };
}

/** A file as animated frames; a refusal that says why when it is missing, empty or too large. */
export async function fileSource(path: string, framing?: Framing): Promise<ShowSource> {
  const payload = await readSmallFile(path, MAX_TRANSFER_BYTES, 'to show as QR codes');
  return { kind: 'payload', payload, label: `${path} (${formatBytes(payload.length)})`, framing };
}
