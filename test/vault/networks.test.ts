import { describe, expect, it } from 'vitest';
import { findNetwork, listNetworks, searchNetworks } from '../../src/vault/networks.js';

const all = listNetworks();

describe('findNetwork', () => {
  it('finds a network by name in any case, or by SS58 prefix', () => {
    expect(findNetwork('Polkadot')).toMatchObject({ name: 'polkadot', prefix: 0 });
    expect(findNetwork('2').name).toBe('kusama');
    expect(findNetwork('42').name).toBe('substrate');
    expect(() => findNetwork('atlantis')).toThrow(/unknown network "atlantis"/);
    expect(() => findNetwork('16000')).toThrow(/unknown network/);
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
