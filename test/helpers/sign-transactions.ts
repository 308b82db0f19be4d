/**
 * Transaction requests made the way polkadot.js apps makes them, from the real metadata
 * @polkadot/types-support ships: calls from `expandMetadata(…).tx`, the payload from
 * `registry.createType('ExtrinsicPayload', …).toU8a()` as apps' QrSigner builds it.
 */
import { Metadata, TypeRegistry } from '@polkadot/types';
import { expandMetadata } from '@polkadot/types/metadata';
import type { DecoratedMeta } from '@polkadot/types/metadata/decorate/types';
import type { ExtrinsicPayload } from '@polkadot/types/interfaces';
import type { IMethod } from '@polkadot/types/types';
import { compactFromU8a, hexToU8a } from '@polkadot/util';
import kusamaV14 from '@polkadot/types-support/metadata/v14/kusama-hex';
import polkadotV14 from '@polkadot/types-support/metadata/v14/polkadot-hex';
import assetHubPolkadotV15 from '@polkadot/types-support/metadata/v15/asset-hub-polkadot-hex';
import kusamaV15 from '@polkadot/types-support/metadata/v15/kusama-hex';
import polkadotV15 from '@polkadot/types-support/metadata/v15/polkadot-hex';
import substrateV16 from '@polkadot/types-support/metadata/v16/substrate-hex';
import type { ChainView } from '../../src/sign/view.js';

export type ChainName = 'polkadot' | 'kusama' | 'asset-hub-polkadot' | 'substrate';

export const CHAINS: Record<ChainName, ChainView> = {
  polkadot: {
    name: 'polkadot',
    displayName: 'Polkadot',
    genesisHash: '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3',
    ss58Prefix: 0,
    decimals: 10,
    token: 'DOT',
  },
  kusama: {
    name: 'kusama',
    displayName: 'Kusama',
    genesisHash: '0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe',
    ss58Prefix: 2,
    decimals: 12,
    token: 'KSM',
  },
  'asset-hub-polkadot': {
    name: 'statemint',
    displayName: 'Polkadot Asset Hub',
    genesisHash: '0x68d56f15f85d3136970ec16946040bc1752654e906147f7e43e9d539d7c3de2f',
    ss58Prefix: 0,
    decimals: 10,
    token: 'DOT',
  },
  // A development node: its genesis differs on every start, so any hash stands for it.
  substrate: {
    name: 'substrate',
    displayName: 'Substrate',
    genesisHash: `0x${'5b'.repeat(32)}`,
    ss58Prefix: 42,
    decimals: 12,
    token: 'UNIT',
  },
};

/** V14 as `state_getMetadata` gives it; V15 and V16 as `Metadata_metadata_at_version` does, `Option<OpaqueMetadata>`. */
const SHIPPED: Record<ChainName, Partial<Record<MetadataVersion, string>>> = {
  polkadot: { 14: polkadotV14, 15: polkadotV15 },
  kusama: { 14: kusamaV14, 15: kusamaV15 },
  'asset-hub-polkadot': { 15: assetHubPolkadotV15 },
  substrate: { 16: substrateV16 },
};

export type MetadataVersion = 14 | 15 | 16;

export interface ChainFixture {
  chain: ChainView;
  /** `0x6d657461…`, as `state_getMetadata` gives it. */
  metadata: Uint8Array;
  registry: TypeRegistry;
  api: DecoratedMeta;
  specVersion: number;
  transactionVersion: number;
}

const loaded = new Map<string, ChainFixture>();

export function chainFixture(name: ChainName, version: MetadataVersion): ChainFixture {
  const key = `${name}-v${version}`;
  let fixture = loaded.get(key);
  if (fixture === undefined) {
    const shipped = SHIPPED[name][version];
    if (shipped === undefined) throw new Error(`no ${key} metadata is shipped`);
    const metadata = version === 14 ? hexToU8a(shipped) : unwrapOpaque(hexToU8a(shipped));
    const registry = new TypeRegistry();
    const decoded = new Metadata(registry, metadata);
    registry.setMetadata(decoded);
    const api = expandMetadata(registry, decoded);
    const runtime = api.consts.system!.version as unknown as {
      specVersion: { toNumber(): number };
      transactionVersion: { toNumber(): number };
    };
    fixture = {
      chain: CHAINS[name],
      metadata,
      registry,
      api,
      specVersion: runtime.specVersion.toNumber(),
      transactionVersion: runtime.transactionVersion.toNumber(),
    };
    loaded.set(key, fixture);
  }
  return fixture;
}

/** `Metadata_metadata_at_version` answers `Option<OpaqueMetadata>`: `01 ‖ compact(length) ‖ metadata`. */
function unwrapOpaque(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 1) throw new Error('expected Some(metadata)');
  const [offset, length] = compactFromU8a(bytes.subarray(1));
  return bytes.slice(1 + offset, 1 + offset + length.toNumber());
}

export interface PayloadOptions {
  /** `{ current, period }` for a mortal era; immortal when left out. */
  mortal?: { current: number; period: number };
  nonce?: number;
  tip?: bigint;
  specVersion?: number;
  transactionVersion?: number;
  genesisHash?: string;
  blockHash?: string;
  /** A metadata hash: mode 1 with it; mode 0 when left out. */
  metadataHash?: string;
  /** The asset a tip is paid in, where the chain has ChargeAssetTxPayment. */
  assetId?: unknown;
}

export const BLOCK_HASH = `0x${'ab'.repeat(32)}`;

/** The ExtrinsicPayload polkadot.js apps builds for its QR signer. */
export function extrinsicPayload(
  fixture: ChainFixture,
  method: IMethod,
  options: PayloadOptions = {},
): ExtrinsicPayload {
  const { registry, chain } = fixture;
  const era = registry.createType('ExtrinsicEra', options.mortal ?? '0x00');
  return registry.createType(
    'ExtrinsicPayload',
    {
      method: method.toHex(),
      era,
      nonce: options.nonce ?? 0,
      tip: options.tip ?? 0n,
      specVersion: options.specVersion ?? fixture.specVersion,
      transactionVersion: options.transactionVersion ?? fixture.transactionVersion,
      genesisHash: options.genesisHash ?? chain.genesisHash,
      blockHash: options.mortal ? (options.blockHash ?? BLOCK_HASH) : (options.genesisHash ?? chain.genesisHash),
      mode: options.metadataHash === undefined ? 0 : 1,
      metadataHash: options.metadataHash,
      ...(options.assetId === undefined ? {} : { assetId: options.assetId }),
    },
    { version: 4 },
  );
}

/** The payload a UOS request carries: `compact(length) ‖ call ‖ extensions`, as apps' QrSigner shows it. */
export function requestPayload(fixture: ChainFixture, method: IMethod, options: PayloadOptions = {}): Uint8Array {
  return extrinsicPayload(fixture, method, options).toU8a();
}
