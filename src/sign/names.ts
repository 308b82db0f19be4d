import { decodeAddress } from '@polkadot/util-crypto/address/decode';
import { blake2AsU8a } from '@polkadot/util-crypto/blake2/asU8a';
import type { VaultData } from '../vault/model.js';
import type { NameOf } from './view.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/**
 * Names an account id by the vault's accounts and address book, so a person sees "to savings"
 * where they would otherwise compare 48 characters. An ecdsa account's id on chain is the hash of
 * its key, so it is known by that too; the vault's own names win over the address book's.
 */
export function nameLookup(data: VaultData): NameOf {
  const names = new Map<string, string>();
  for (const entry of data.addresses) {
    try {
      names.set(hex(decodeAddress(entry.address)), entry.name);
    } catch {
      // An address the book holds but this decoder does not read (an ethereum one): it names no account id.
    }
  }
  for (const account of data.accounts) {
    const key = new Uint8Array(Buffer.from(account.publicKey.slice(2), 'hex'));
    names.set(hex(key), account.name);
    if (account.type === 'ecdsa') names.set(hex(blake2AsU8a(key, 256)), account.name);
  }
  return (id) => names.get(hex(id));
}
