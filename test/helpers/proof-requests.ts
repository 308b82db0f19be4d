/**
 * Transactions with RFC-0078 metadata proofs, made as a wallet makes them: the call and its
 * payload by `@polkadot/types` from the real metadata `@polkadot/types-support` ships, the proof
 * and the metadata hash by `@polkadot-api/merkleize-metadata`.
 */
import { merkleizeMetadata, type MetadataMerkleizer } from '@polkadot-api/merkleize-metadata';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { expandMetadata } from '@polkadot/types/metadata';
import type { Call } from '@polkadot/types/interfaces';
import assetHubV15 from '@polkadot/types-support/metadata/v15/asset-hub-polkadot-hex';
import kusamaV15 from '@polkadot/types-support/metadata/v15/kusama-hex';
import polkadotV15 from '@polkadot/types-support/metadata/v15/polkadot-hex';
import { compactFromU8a, hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';

export interface ProofChain {
  registry: TypeRegistry;
  tx: ReturnType<typeof expandMetadata>['tx'];
  merkleizer: MetadataMerkleizer;
  genesisHash: string;
  specVersion: number;
  transactionVersion: number;
}

const CHAINS = {
  polkadot: {
    hex: polkadotV15,
    genesisHash: '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3',
    decimals: 10,
    tokenSymbol: 'DOT',
  },
  kusama: {
    hex: kusamaV15,
    genesisHash: '0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe',
    decimals: 12,
    tokenSymbol: 'KSM',
  },
  /** Polkadot Asset Hub: its tip is `ChargeAssetTxPayment`'s, which names the asset it is paid in. */
  assetHub: {
    hex: assetHubV15,
    genesisHash: '0x68d56f15f85d3136970ec16946040bc1752654e906147f7e43e9d539d7c3de2f',
    decimals: 10,
    tokenSymbol: 'DOT',
  },
} as const;

const loaded = new Map<string, ProofChain>();

/** A chain's V15 metadata (shipped as `Option<OpaqueMetadata>`), its registry and merkleizer. */
export function proofChain(name: keyof typeof CHAINS): ProofChain {
  const cached = loaded.get(name);
  if (cached) return cached;
  const { hex, genesisHash, decimals, tokenSymbol } = CHAINS[name];
  const wrapped = hexToU8a(hex);
  const [offset, length] = compactFromU8a(wrapped.subarray(1)); // after Option's Some
  const bytes = wrapped.slice(1 + offset, 1 + offset + length.toNumber());
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, bytes);
  registry.setMetadata(metadata);
  const expanded = expandMetadata(registry, metadata);
  const version = expanded.consts.system!.version!.toJSON() as { specVersion: number; transactionVersion: number };
  const chain: ProofChain = {
    registry,
    tx: expanded.tx,
    merkleizer: merkleizeMetadata(bytes, { decimals, tokenSymbol }),
    genesisHash,
    specVersion: version.specVersion,
    transactionVersion: version.transactionVersion,
  };
  loaded.set(name, chain);
  return chain;
}

export interface PayloadOptions {
  mode?: 0 | 1;
  /** The metadata hash signed; the metadata's own digest unless given. */
  metadataHash?: Uint8Array;
  specVersion?: number;
  genesisHash?: string;
  nonce?: number;
  tip?: bigint;
}

/** `compact(length) ‖ call ‖ extensions`, as polkadot.js encodes a payload. */
export function transactionPayload(chain: ProofChain, call: Call, options: PayloadOptions = {}): Uint8Array {
  const mode = options.mode ?? 1;
  const payload = chain.registry.createType(
    'ExtrinsicPayload',
    {
      method: call.toHex(),
      era: chain.registry.createType('ExtrinsicEra', { current: 24_000_123, period: 64 }),
      nonce: options.nonce ?? 7,
      tip: options.tip ?? 0n,
      specVersion: options.specVersion ?? chain.specVersion,
      transactionVersion: chain.transactionVersion,
      genesisHash: options.genesisHash ?? chain.genesisHash,
      blockHash: BLOCK_HASH,
      mode,
      metadataHash: mode === 1 ? u8aToHex(options.metadataHash ?? chain.merkleizer.digest()) : undefined,
    },
    { version: 4 },
  );
  return payload.toU8a();
}

export const BLOCK_HASH = '0x3e7c2bd5ea5a7a1f56b1b6bbd2a8b2e8e2ca58ac5ac0cbb2f4df1c0d1ab0c0de';

/** The proof a wallet sends for this payload: the types its call and extensions use. */
export function proofFor(chain: ProofChain, payload: Uint8Array): Uint8Array {
  const [offset] = compactFromU8a(payload);
  return chain.merkleizer.getProofForExtrinsicPayload(payload.slice(offset));
}

/** What an action-06 request carries between the public key and the genesis hash. */
export function proofRequestPayload(chain: ProofChain, call: Call, options: PayloadOptions = {}): Uint8Array {
  const payload = transactionPayload(chain, call, options);
  return u8aConcat(proofFor(chain, payload), payload);
}
