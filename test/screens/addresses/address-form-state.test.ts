import { describe, expect, it } from 'vitest';
import {
  addressFormValues,
  checkAddressForm,
  toNewAddress,
  type AddressValues,
} from '../../../src/screens/addresses/address-form-state.js';
import { addAddress } from '../../../src/vault/address-book.js';
import { emptyVaultData, type VaultData } from '../../../src/vault/model.js';
import { ALICE, BOB } from '../../helpers/dev-keys.js';

const EIP55 = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const form = (values: Partial<AddressValues>): AddressValues => ({
  name: '',
  address: '',
  network: '',
  note: '',
  ...values,
});

function bookWithAlice(): VaultData {
  return addAddress(emptyVaultData(), { name: 'alice', address: ALICE.substrate, note: 'first' }).data;
}

describe('the address form verdict', () => {
  it('passes a good entry, with the network its prefix gives', () => {
    const verdict = checkAddressForm(emptyVaultData(), form({ name: ' bob ', address: BOB.polkadot, note: 'cold' }));
    expect(verdict.problems).toEqual({});
    expect(verdict.entry).toMatchObject({ name: 'bob', address: BOB.polkadot, network: 'polkadot', note: 'cold' });
  });

  it('says what is wrong under each field at once', () => {
    const verdict = checkAddressForm(
      emptyVaultData(),
      form({ name: '', address: `${BOB.substrate.slice(0, -1)}z`, network: 'atlantis' }),
    );
    expect(verdict.entry).toBeUndefined();
    expect(verdict.problems.name?.message).toBe('address name is empty');
    expect(verdict.problems.network?.message).toBe('unknown network "atlantis"');
    expect(verdict.problems.address?.message).toBe(
      'this address is not a valid address: its checksum does not match (a character is wrong)',
    );
  });

  it('asks for an address while there is none', () => {
    expect(checkAddressForm(emptyVaultData(), form({ name: 'x' })).problems).toEqual({
      address: { message: 'type or paste an address' },
    });
  });

  it('refuses an address of another prefix than the network named, with the hint', () => {
    const { problems } = checkAddressForm(
      emptyVaultData(),
      form({ name: 'alice', address: ALICE.substrate, network: 'polkadot' }),
    );
    expect(problems.address?.message).toMatch(/^this address is an address for SS58 prefix 42, not for Polkadot/u);
    expect(problems.address?.hint).toMatch(/re-encode it for polkadot/u);
    expect(problems.network).toBeUndefined();
  });

  it('catches an EIP-55 address with one letter in the wrong case', () => {
    expect(checkAddressForm(emptyVaultData(), form({ name: 'eth', address: EIP55 })).entry?.address).toBe(EIP55);
    const flipped = EIP55.replace('aAeb', 'aaeb');
    expect(checkAddressForm(emptyVaultData(), form({ name: 'eth', address: flipped })).problems.address?.message).toBe(
      'this address fails its EIP-55 checksum',
    );
  });

  it('puts a duplicate name under the name and a duplicate address under the address', () => {
    const data = bookWithAlice();
    expect(Object.keys(checkAddressForm(data, form({ name: 'alice', address: BOB.substrate })).problems)).toEqual([
      'name',
    ]);
    const twin = checkAddressForm(data, form({ name: 'other', address: ALICE.substrate }));
    expect(twin.problems.address?.message).toBe('this address is already in the address book as "alice"');
  });

  it('does not count the entry being edited as its own duplicate', () => {
    const data = bookWithAlice();
    const alice = data.addresses[0]!;
    const verdict = checkAddressForm(data, form({ name: 'alice', address: ALICE.substrate, note: 'new note' }), alice);
    expect(verdict.entry).toMatchObject({ name: 'alice', note: 'new note', createdAt: alice.createdAt });
  });
});

describe('the form values of an entry', () => {
  it('are empty for a new entry', () => {
    expect(addressFormValues(emptyVaultData())).toEqual(form({}));
  });

  it('leave the network empty when the address prefix gives it anyway', () => {
    const data = bookWithAlice();
    expect(addressFormValues(data, data.addresses[0])).toEqual({
      name: 'alice',
      address: ALICE.substrate,
      network: '',
      note: 'first',
    });
  });

  it('keep a network the prefix would not give', () => {
    const data = addAddress(emptyVaultData(), { name: 'eth', address: EIP55, network: 'kusama' }).data;
    expect(addressFormValues(data, data.addresses[0]).network).toBe('kusama');
  });

  it('become an entry for the book, an empty network meaning none', () => {
    expect(toNewAddress(form({ name: 'a', address: 'b', network: '  ', note: 'n' }))).toEqual({
      name: 'a',
      address: 'b',
      network: undefined,
      note: 'n',
    });
    expect(toNewAddress(form({ network: ' kusama ' })).network).toBe('kusama');
  });
});
