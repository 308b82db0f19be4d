import { describe, expect, it } from 'vitest';
import {
  accountAddressQrText,
  addressQrRefusal,
  canShowAddressQr,
  ethereumAddressQrText,
} from '../../src/qr/address-qr.js';
import { UserError } from '../../src/errors.js';
import { findNetwork } from '../../src/vault/networks.js';
import { ALICE, ALITH } from '../helpers/dev-keys.js';

const POLKADOT = findNetwork('polkadot');
const MOONBEAM = findNetwork('moonbeam');
const SUBSTRATE = findNetwork('substrate');

describe("an account's address QR", () => {
  it('is substrate:ADDRESS:GENESIS:NAME for a Substrate key on a chain with a genesis hash', () => {
    expect(accountAddressQrText({ type: 'sr25519', network: POLKADOT, address: ALICE.polkadot, name: 'alice' })).toBe(
      `substrate:${ALICE.polkadot}:${POLKADOT.genesisHash}:alice`,
    );
  });

  it('is ethereum:ADDRESS:NAME for an ethereum key, as polkadot.js apps reads it, in any network', () => {
    for (const network of [MOONBEAM, SUBSTRATE, POLKADOT])
      expect(accountAddressQrText({ type: 'ethereum', network, address: ALITH, name: 'alith' })).toBe(
        `ethereum:${ALITH}:alith`,
      );
    // A colon would end the address for the reader; without a name, the address alone.
    expect(ethereumAddressQrText({ address: ALITH, name: 'a:b\nc' })).toBe(`ethereum:${ALITH}:a b c`);
    expect(ethereumAddressQrText({ address: ALITH })).toBe(`ethereum:${ALITH}`);
    expect(() => ethereumAddressQrText({ address: ALICE.polkadot })).toThrow(RangeError);
  });

  it('is refused for any other key on a network with no genesis hash, saying why', () => {
    for (const network of [MOONBEAM, SUBSTRATE, findNetwork('reserved46')]) {
      expect(canShowAddressQr({ type: 'sr25519', network })).toBe(false);
      expect(addressQrRefusal({ type: 'ecdsa', network })).toBeInstanceOf(UserError);
      expect(() => accountAddressQrText({ type: 'sr25519', network, address: ALICE.substrate, name: 'alice' })).toThrow(
        `network "${network.name}" has no genesis hash`,
      );
    }
    expect(canShowAddressQr({ type: 'ethereum', network: MOONBEAM })).toBe(true);
    expect(canShowAddressQr({ type: 'ed25519', network: POLKADOT })).toBe(true);
  });
});
