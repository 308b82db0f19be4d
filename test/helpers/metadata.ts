/**
 * Real chain metadata, as @polkadot/types-support ships it (taken from live nodes): V14 as
 * `state_getMetadata` gives it (`0x6d657461…`), V15 as `Metadata_metadata_at_version(15)` gives it
 * (`Option<OpaqueMetadata>`, `0x01` ‖ compact length ‖ the bytes).
 */
import kusamaV14 from '@polkadot/types-support/metadata/v14/kusama-hex';
import polkadotV14 from '@polkadot/types-support/metadata/v14/polkadot-hex';
import assetHubPolkadotV15 from '@polkadot/types-support/metadata/v15/asset-hub-polkadot-hex';
import kusamaV15 from '@polkadot/types-support/metadata/v15/kusama-hex';
import polkadotV15 from '@polkadot/types-support/metadata/v15/polkadot-hex';
import substrateV15 from '@polkadot/types-support/metadata/v15/substrate-hex';

export const METADATA_HEX = {
  polkadotV14,
  kusamaV14,
  polkadotV15,
  kusamaV15,
  /** A development node's runtime (spec name `node`): a chain airlock does not know. */
  substrateV15,
  /** Spec name `statemint`. */
  assetHubPolkadotV15,
} as const;

export const hexBytes = (hex: string): Uint8Array => new Uint8Array(Buffer.from(hex.replace(/^0x/u, ''), 'hex'));

/** The `meta…` bytes inside a V15 `Option<OpaqueMetadata>` answer: the 0x01 and a four-byte compact length go. */
export function unwrappedV15(hex: string): Uint8Array {
  const bytes = hexBytes(hex);
  if (bytes[0] !== 0x01 || (bytes[1]! & 0b11) !== 0b10)
    throw new Error('not an Option<OpaqueMetadata> with a 4-byte length');
  return bytes.slice(5);
}

/** The same metadata with one letter of a documentation string changed: still valid, other bytes. */
export function withChangedDocs(bytes: Uint8Array): Uint8Array {
  const changed = bytes.slice();
  const at = Buffer.from(changed).indexOf('The ');
  if (at < 0) throw new Error('no documentation found');
  changed[at] = 'T'.charCodeAt(0) + 1;
  return changed;
}

export const POLKADOT_GENESIS = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';
export const KUSAMA_GENESIS = '0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe';
