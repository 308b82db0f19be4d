/** The chain table: genesis hash to name, format, token and decimals; and the chain metadata being added is for. */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { chainOfGenesis, knownChainOfGenesis, knownChainOfSpecName } from '../../src/sign/chains.js';
import { chainOfMetadata } from '../../src/sign/metadata-chain.js';
import type { MetadataInfo } from '../../src/sign/metadata.js';
import type { MetadataRecord } from '../../src/vault/model.js';
import { KUSAMA_GENESIS, POLKADOT_GENESIS } from '../helpers/metadata.js';

const WESTEND_GENESIS = '0xe143f23803ac50e8f6f8e62695d1ce9e4e1d68aa36c1cd2cfd15340213f3423e';
const PASEO_GENESIS = '0x77afd6190f1554ad45fd0d31aee62aacc33c6db0ea801129acb813f913e0764f';
const ASSET_HUB_GENESIS = '0x68d56f15f85d3136970ec16946040bc1752654e906147f7e43e9d539d7c3de2f';
const OTHER_GENESIS = `0x${'ab'.repeat(32)}`;

const info = (specName: string, ss58Prefix: number, specVersion = 100): MetadataInfo => ({
  bytes: new Uint8Array(),
  version: 15,
  specName,
  specVersion,
  ss58Prefix,
  signedExtensions: [],
});

const record = (fields: Partial<MetadataRecord>): MetadataRecord => ({
  network: 'node',
  genesisHash: OTHER_GENESIS,
  specName: 'node',
  specVersion: 268,
  metadataVersion: 15,
  ss58Prefix: 42,
  decimals: 12,
  token: 'UNIT',
  file: 'node-268.scale',
  size: 1,
  sha256: '0'.repeat(64),
  addedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

function refused(work: () => unknown, message: RegExp): void {
  expect(work).toThrow(UserError);
  expect(work).toThrow(message);
}

describe('the chain of a genesis hash', () => {
  it.each([
    [POLKADOT_GENESIS, { name: 'polkadot', ss58Prefix: 0, decimals: 10, token: 'DOT' }],
    [KUSAMA_GENESIS, { name: 'kusama', ss58Prefix: 2, decimals: 12, token: 'KSM' }],
    // Kusama's first genesis (CC1): @polkadot/networks lists all three.
    ['0x3fd7b9eb6a00376e5be61f01abb429ffb0b104be05eaff4d458da48fcd425baf', { name: 'kusama', token: 'KSM' }],
    [WESTEND_GENESIS, { name: 'westend', ss58Prefix: 42, decimals: 12, token: 'WND' }],
    [PASEO_GENESIS, { name: 'paseo', ss58Prefix: 0, decimals: 10, token: 'PAS' }],
    [ASSET_HUB_GENESIS, { name: 'statemint', displayName: 'Polkadot Asset Hub', ss58Prefix: 0, token: 'DOT' }],
    [
      '0x9eb76c5184c4ab8679d2d5d819fdf90b9c001403e9e17da2e14b6d8aec4029c6',
      { name: 'astar', decimals: 18, token: 'ASTR' },
    ],
  ])('%s', (genesisHash, expected) => {
    expect(knownChainOfGenesis(genesisHash.toUpperCase().replace('0X', '0x'))).toMatchObject({
      ...expected,
      genesisHash,
    });
  });

  it('is unknown without a record, and the newest record’s with them', () => {
    expect(knownChainOfGenesis(OTHER_GENESIS)).toBeUndefined();
    expect(chainOfGenesis(OTHER_GENESIS, [])).toBeUndefined();
    const records = [record({ specVersion: 268, token: 'OLD' }), record({ specVersion: 270 })];
    expect(chainOfGenesis(OTHER_GENESIS, records)).toEqual({
      name: 'node',
      displayName: 'node',
      genesisHash: OTHER_GENESIS,
      ss58Prefix: 42,
      decimals: 12,
      token: 'UNIT',
    });
    // A record never speaks for a chain airlock knows.
    expect(chainOfGenesis(POLKADOT_GENESIS, [record({ genesisHash: POLKADOT_GENESIS, token: 'FAKE' })])).toMatchObject({
      token: 'DOT',
    });
  });

  it('knows the relay chains and asset hubs by their runtimes’ names', () => {
    expect(knownChainOfSpecName('polkadot')?.genesisHash).toBe(POLKADOT_GENESIS);
    expect(knownChainOfSpecName('kusama')?.genesisHash).toBe(KUSAMA_GENESIS);
    expect(knownChainOfSpecName('westend')?.genesisHash).toBe(WESTEND_GENESIS);
    expect(knownChainOfSpecName('statemint')?.genesisHash).toBe(ASSET_HUB_GENESIS);
    expect(knownChainOfSpecName('bifrost')).toBeUndefined();
  });
});

describe('the chain metadata being added is for', () => {
  it('a known runtime needs nothing more, and what is given must agree', () => {
    expect(chainOfMetadata(info('polkadot', 0), {}, [])).toMatchObject({
      name: 'polkadot',
      genesisHash: POLKADOT_GENESIS,
      decimals: 10,
      token: 'DOT',
    });
    expect(
      chainOfMetadata(info('polkadot', 0), { genesis: POLKADOT_GENESIS, token: 'DOT', decimals: '10' }, []),
    ).toMatchObject({ name: 'polkadot' });
    refused(
      () => chainOfMetadata(info('polkadot', 0), { genesis: KUSAMA_GENESIS }, []),
      /this is polkadot's metadata .* not 0xb0a8/,
    );
    refused(() => chainOfMetadata(info('polkadot', 0), { token: 'KSM' }, []), /its token is DOT, not KSM/);
    refused(() => chainOfMetadata(info('polkadot', 0), { decimals: '12' }, []), /its token has 10 decimals, not 12/);
  });

  it('metadata whose SS58 prefix is not the chain’s is not that chain’s', () => {
    refused(
      () => chainOfMetadata(info('polkadot', 42), {}, []),
      /SS58 prefix 42; polkadot uses 0: it is not polkadot's metadata/,
    );
  });

  it('a registered chain’s genesis hash brings its token; a known one’s must match the runtime', () => {
    const astar = '0x9eb76c5184c4ab8679d2d5d819fdf90b9c001403e9e17da2e14b6d8aec4029c6';
    expect(chainOfMetadata(info('astar', 5), { genesis: astar }, [])).toMatchObject({
      name: 'astar',
      token: 'ASTR',
      decimals: 18,
    });
    refused(() => chainOfMetadata(info('kusama', 0), { genesis: POLKADOT_GENESIS }, []), /this is kusama's metadata/);
    refused(
      () => chainOfMetadata(info('node', 0), { genesis: POLKADOT_GENESIS }, []),
      /is polkadot, whose runtime is "polkadot"; this metadata's runtime is "node"/,
    );
  });

  it('an unknown runtime needs its genesis hash, token and decimals', () => {
    refused(() => chainOfMetadata(info('node', 42), {}, []), /does not know the chain whose runtime is "node"/);
    refused(
      () => chainOfMetadata(info('node', 42), { genesis: OTHER_GENESIS, token: 'UNIT' }, []),
      /does not know the chain/,
    );
    const claims = { genesis: OTHER_GENESIS.toUpperCase().replace('0X', '0x'), token: 'UNIT', decimals: '12' };
    expect(chainOfMetadata(info('node', 42), claims, [])).toEqual({
      name: 'node',
      genesisHash: OTHER_GENESIS,
      ss58Prefix: 42,
      decimals: 12,
      token: 'UNIT',
    });
    refused(
      () => chainOfMetadata(info('node', 42), { ...claims, genesis: '0x1234' }, []),
      /"0x1234" is not a genesis hash/,
    );
    refused(
      () => chainOfMetadata(info('node', 42), { ...claims, token: 'U NIT' }, []),
      /"U NIT" is not a token symbol/,
    );
    refused(
      () => chainOfMetadata(info('node', 42), { ...claims, decimals: '39' }, []),
      /"39" is not a number of decimals/,
    );
    refused(() => chainOfMetadata(info('node', 42), { ...claims, decimals: '-1' }, []), /not a number of decimals/);
    refused(() => chainOfMetadata(info('../etc', 42), claims, []), /cannot name the chain/);
    refused(
      () => chainOfMetadata(info('astar', 5), claims, []),
      /has the name of Astar Network, whose genesis hash is 0x9eb7/,
    );
  });

  it('a chain the vault knows needs nothing more, and keeps one name for one genesis hash', () => {
    const records = [record({})];
    expect(chainOfMetadata(info('node', 42, 270), {}, records)).toMatchObject({
      name: 'node',
      token: 'UNIT',
      decimals: 12,
    });
    expect(chainOfMetadata(info('node', 42, 270), { genesis: OTHER_GENESIS }, records)).toMatchObject({ name: 'node' });
    refused(
      () => chainOfMetadata(info('node', 42), { genesis: OTHER_GENESIS, token: 'DOT' }, records),
      /its token is UNIT, not DOT/,
    );
    refused(
      () => chainOfMetadata(info('other', 42), { genesis: OTHER_GENESIS }, records),
      /whose runtime is "node"; this metadata's runtime is "other"/,
    );
    const elsewhere = { genesis: `0x${'cd'.repeat(32)}`, token: 'UNIT', decimals: '12' };
    refused(() => chainOfMetadata(info('node', 42), elsewhere, records), /keeps metadata of another chain named node/);
  });
});
