import { UserError } from '../errors.js';

/**
 * The address QR polkadot.js apps and Polkadot Vault read:
 * `substrate:<SS58 address>:0x<genesis hash>[:<name>]`.
 */
export interface AddressQr {
  address: string;
  genesisHash: string;
  name?: string;
}

const GENESIS = /^0x[0-9a-f]{64}$/u;

export function addressQrText({ address, genesisHash, name }: AddressQr): string {
  const genesis = genesisHash.toLowerCase();
  if (!GENESIS.test(genesis)) throw new RangeError(`genesisHash: expected 0x and 64 hex digits, got ${genesisHash}`);
  if (address.includes(':')) throw new RangeError(`address: a colon cannot be part of an address, got ${address}`);
  // A colon would end the name early for a reader; a newline would reach its screen.
  const shown = name?.replace(/[:\p{Cc}]/gu, ' ').trim();
  return ['substrate', address, genesis, ...(shown ? [shown] : [])].join(':');
}

/** The parts of an address QR's text, or undefined when the text is not one. */
export function parseAddressQr(text: string): AddressQr | undefined {
  const [scheme, address, genesisHash, ...rest] = text.trim().split(':');
  if (scheme !== 'substrate' || !address || !genesisHash || !GENESIS.test(genesisHash.toLowerCase())) return undefined;
  const name = rest.join(':');
  return { address, genesisHash: genesisHash.toLowerCase(), ...(name ? { name } : {}) };
}

/** The genesis hash an address QR needs, or a plain refusal naming the network that lacks one. */
export function requireGenesis(network: { name: string; genesisHash?: string }): string {
  if (network.genesisHash) return network.genesisHash;
  throw new UserError(
    `network "${network.name}" has no genesis hash, and an address QR must name the chain's genesis hash`,
    'choose a chain that has one, e.g. --network polkadot or --network kusama',
  );
}
