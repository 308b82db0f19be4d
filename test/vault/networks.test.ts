import type { UserError } from '../../src/errors.js';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EVM_NETWORK,
  defaultNetworkFor,
  findNetwork,
  listNetworks,
  searchNetworks,
  similarNetworks,
} from '../../src/vault/networks.js';

const all = listNetworks();

describe('findNetwork', () => {
  it('finds a network by name in any case, or by SS58 prefix', () => {
    expect(findNetwork('Polkadot')).toMatchObject({ name: 'polkadot', prefix: 0 });
    expect(findNetwork('2').name).toBe('kusama');
    expect(findNetwork('42').name).toBe('substrate');
    expect(() => findNetwork('atlantis')).toThrow(/unknown network "atlantis"/);
    expect(() => findNetwork('16000')).toThrow(/unknown network/);
  });

  it('answers a mistyped name with the names it is close to', () => {
    const hintOf = (typed: string) => {
      try {
        findNetwork(typed);
      } catch (error) {
        return (error as UserError).hint;
      }
      return undefined;
    };
    expect(hintOf('polkdot')).toBe('did you mean polkadot?');
    expect(hintOf('atlantis')).toMatch(/^give a network name such as polkadot/u);
  });
});

describe('searchNetworks', () => {
  it('matches name, display name or prefix, exact name or prefix first', () => {
    expect(searchNetworks(all, 'KUSAMA')[0]?.name).toBe('kusama');
    expect(searchNetworks(all, '2')[0]?.name).toBe('kusama');
    expect(searchNetworks(all, '0')[0]?.name).toBe('polkadot');
    expect(searchNetworks(all, 'relay chain').map((n) => n.name)).toEqual(
      expect.arrayContaining(['polkadot', 'kusama']),
    );
  });

  it('ranks names that start with the query before those that merely contain it', () => {
    const names = searchNetworks(all, 'kus').map((n) => n.name);
    expect(names[0]).toBe('kusama');
  });

  it('gives everything for an empty query, and nothing for one that matches nothing', () => {
    expect(searchNetworks(all, '  ')).toEqual(all);
    expect(searchNetworks(all, 'no such network')).toEqual([]);
  });
});

describe('similarNetworks', () => {
  it('names what a typo was probably meant to be, closest first, and nothing for a short or far guess', () => {
    expect(similarNetworks(all, 'polkdot').map((n) => n.name)).toEqual(['polkadot']);
    expect(similarNetworks(all, 'Kusma')[0]?.name).toBe('kusama');
    expect(similarNetworks(all, 'zzzzzzzz')).toEqual([]);
    expect(similarNetworks(all, 'ks')).toEqual([]);
  });
});

describe('defaultNetworkFor', () => {
  it("gives an ethereum key an EVM chain unless the vault's default is one; other keys the default", () => {
    expect(findNetwork(DEFAULT_EVM_NETWORK)).toMatchObject({ name: 'moonbeam', evm: true });
    expect(findNetwork('polkadot').evm).toBeUndefined();
    expect(defaultNetworkFor('ethereum', 'substrate')).toBe('moonbeam');
    expect(defaultNetworkFor('ethereum', 'darwinia')).toBe('darwinia');
    expect(defaultNetworkFor('sr25519', 'polkadot')).toBe('polkadot');
    expect(defaultNetworkFor('ecdsa', 'substrate')).toBe('substrate');
  });
});
