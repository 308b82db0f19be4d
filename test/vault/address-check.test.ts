import { describe, expect, it } from 'vitest';
import { checkAddressFor, ss58PrefixOf } from '../../src/vault/address-check.js';
import { findNetwork } from '../../src/vault/networks.js';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const ALICE_POLKADOT = '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5';

describe('checkAddressFor', () => {
  it('accepts SS58 addresses and reports their prefix', () => {
    expect(checkAddressFor(ALICE)).toEqual({ address: ALICE, kind: 'ss58', prefix: 42 });
    expect(ss58PrefixOf(ALICE_POLKADOT)).toBe(0);
    expect(checkAddressFor(ALICE_POLKADOT, findNetwork('polkadot')).prefix).toBe(0);
  });

  it('refuses an address of another network than the one named', () => {
    expect(() => checkAddressFor(ALICE, findNetwork('polkadot'))).toThrow(/prefix 42, not for Polkadot/);
  });

  it('refuses a changed character, a short address and a bare public key', () => {
    expect(() => checkAddressFor(ALICE.replace('Grwva', 'Grwvb'))).toThrow(/not a valid address/);
    expect(() => checkAddressFor(ALICE.slice(0, 30))).toThrow(/not a valid address/);
    expect(() => checkAddressFor(`0x${'ab'.repeat(32)}`)).toThrow(/not an address/);
  });

  it('checks the EIP-55 case of Ethereum addresses when they are mixed-case', () => {
    const alith = '0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac';
    expect(checkAddressFor(alith).kind).toBe('ethereum');
    expect(checkAddressFor(alith.toLowerCase()).kind).toBe('ethereum');
    expect(() => checkAddressFor(alith.replace('FF3', 'Ff3'))).toThrow(/EIP-55/);
  });
});
