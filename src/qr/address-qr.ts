import { UserError } from '../errors.js';
import type { KeyType } from '../vault/key-types.js';

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

/**
 * What polkadot.js apps reads for an ethereum account on an EVM chain: `ethereum:<0x address>`,
 * where whatever follows the address is the name it offers. It reads no genesis hash there, so
 * the code names no chain and any network will do.
 */
export function ethereumAddressQrText({ address, name }: { address: string; name?: string }): string {
  if (!ETHEREUM_ADDRESS.test(address)) throw new RangeError(`address: expected 0x and 40 hex digits, got ${address}`);
  const shown = name?.replace(/[:\p{Cc}]/gu, ' ').trim();
  return ['ethereum', address, ...(shown ? [shown] : [])].join(':');
}

const ETHEREUM_ADDRESS = /^0x[0-9a-fA-F]{40}$/u;

/** The key type and network an address QR is asked for. */
export interface AddressQrAsk {
  type: KeyType;
  network: { name: string; genesisHash?: string };
}

/**
 * Why no address QR can be shown for this key type in this network, or undefined when one can:
 * an ethereum account needs no chain, any other names the chain by its genesis hash.
 */
export function addressQrRefusal({ type, network }: AddressQrAsk): UserError | undefined {
  if (type === 'ethereum' || network.genesisHash) return undefined;
  return new UserError(
    `network "${network.name}" has no genesis hash, and an address QR must name the chain's genesis hash`,
    'choose a chain that has one, e.g. --network polkadot or --network kusama',
  );
}

export const canShowAddressQr = (ask: AddressQrAsk): boolean => addressQrRefusal(ask) === undefined;

/** The code for an account's address in a network: `ethereum:` for ethereum keys, else `substrate:`. */
export function accountAddressQrText(ask: AddressQrAsk & { address: string; name?: string }): string {
  const refusal = addressQrRefusal(ask);
  if (refusal) throw refusal;
  const { type, address, name, network } = ask;
  return type === 'ethereum'
    ? ethereumAddressQrText({ address, name })
    : addressQrText({ address, genesisHash: network.genesisHash!, name });
}
