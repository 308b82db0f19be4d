/**
 * The RFC-0078 metadata digest: what a transaction's `CheckMetadataHash` carries in mode 1 and
 * what the chain checks it against. Computed by @polkadot-api/merkleize-metadata, which builds it
 * from V15 metadata only (the extrinsic's address, call and signature types are V15's); V14 has
 * no digest here, so a transaction asking for one is refused rather than checked against nothing.
 */
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { DamagedFileError, UserError } from '../errors.js';
import { printable, QUOTED } from '../printable.js';
import type { MetadataRecord } from '../vault/model.js';
import { quietlySync } from './quiet.js';

/** What the digest covers besides the types: the chain's own words for its token and format. */
export interface DigestInfo {
  decimals: number;
  tokenSymbol: string;
  base58Prefix: number;
  specVersion: number;
  specName: string;
}

/** The 32-byte digest of metadata bytes (`meta` ‖ 15 ‖ metadata) for a chain's token and format. */
export function metadataDigest(metadataBytes: Uint8Array, info: DigestInfo): Uint8Array {
  if (metadataBytes[4] !== 15) {
    throw new UserError(
      `the metadata hash is defined over metadata version 15; this metadata is version ${metadataBytes[4]}`,
      'add version 15 of the metadata (the runtime call Metadata_metadata_at_version with 15)',
    );
  }
  try {
    // A copy: the library reads from the start of a view's underlying buffer.
    return quietlySync(() => merkleizeMetadata(metadataBytes.slice(), info).digest());
  } catch (error) {
    const reason = printable(error instanceof Error ? error.message : String(error), QUOTED);
    throw new DamagedFileError(`the metadata hash cannot be computed from this metadata (${reason})`);
  }
}

/**
 * Refuses a transaction whose `CheckMetadataHash` (mode 1) carries a hash other than the digest
 * of the metadata kept for its runtime: the chain would reject it, or it was built from other
 * metadata than the one it is shown with. `hash` is 0x hex.
 */
export function checkPayloadMetadataHash(record: MetadataRecord, hash: string): void {
  const label = `${record.network} ${record.specVersion}`;
  if (record.digest === undefined) {
    throw new UserError(
      `the transaction carries a metadata hash, and the metadata kept for ${label} is version 14, which has none to compare it with`,
      `add that runtime's version 15 metadata (Metadata_metadata_at_version with 15): airlock metadata remove ${record.network} ${record.specVersion}, then airlock metadata add FILE`,
    );
  }
  if (hash.toLowerCase() !== record.digest) {
    throw new UserError(
      `the transaction's metadata hash ${printable(hash, QUOTED)} is not that of the metadata kept for ${label} (${record.digest}); nothing is signed`,
      'the online wallet built it for other metadata: check it and the node are on the same runtime, and the token and decimals given to airlock metadata add',
    );
  }
}
