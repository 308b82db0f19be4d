import { checkAddressChecksum } from '@polkadot/util-crypto/address/checksum';
import { decodeAddress } from '@polkadot/util-crypto/address/decode';
import { base58Decode } from '@polkadot/util-crypto/base58';
import { isEthereumAddress } from '@polkadot/util-crypto/ethereum/isAddress';
import { isEthereumChecksum } from '@polkadot/util-crypto/ethereum/isChecksum';
import { UserError } from '../errors.js';
import type { Network } from './networks.js';

export type AddressKind = 'ss58' | 'ethereum';

/**
 * Checks an address typed or pasted by a person: the SS58 checksum and, when a network is
 * named, its prefix; for Ethereum, the EIP-55 mixed-case checksum when the address has one.
 */
export function checkAddressFor(
  address: string,
  network?: Network,
): { address: string; kind: AddressKind; prefix?: number } {
  const value = address.trim();
  if (/^0x[0-9a-fA-F]{40}$/u.test(value)) {
    const mixedCase = value !== value.toLowerCase() && value.slice(2) !== value.slice(2).toUpperCase();
    if (!isEthereumAddress(value) || (mixedCase && !isEthereumChecksum(value))) {
      throw new UserError(
        `"${value}" fails its EIP-55 checksum`,
        'check the address letter by letter, including its case',
      );
    }
    return { address: value, kind: 'ethereum' };
  }
  if (value.startsWith('0x')) {
    throw new UserError(
      `"${value}" is not an address`,
      'give an SS58 address, or a 0x Ethereum address of 40 hex digits',
    );
  }
  let prefix: number;
  try {
    // decodeAddress checks the characters, the length and the checksum.
    if (decodeAddress(value).length < 32) throw new Error('length');
    prefix = ss58PrefixOf(value);
  } catch (error) {
    throw new UserError(`"${value}" is not a valid address: ${describeDecodeError(error)}`);
  }
  if (network && prefix !== network.prefix) {
    throw new UserError(
      `"${value}" is an address for SS58 prefix ${prefix}, not for ${network.displayName} (prefix ${network.prefix})`,
      `re-encode it for ${network.name}, or name the network it belongs to`,
    );
  }
  return { address: value, kind: 'ss58', prefix };
}

/** The SS58 prefix an address was encoded with (no checksum check: see `checkAddressFor`). */
export function ss58PrefixOf(address: string): number {
  const [, , , prefix] = checkAddressChecksum(base58Decode(address));
  return prefix;
}

function describeDecodeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/checksum/iu.test(message)) return 'its checksum does not match (a character is wrong)';
  if (/length/iu.test(message)) return 'it has the wrong length';
  return 'it is not SS58 or a 0x Ethereum address';
}
