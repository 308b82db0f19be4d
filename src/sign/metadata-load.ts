/**
 * Loading metadata kept beside the vault: the file must be the very bytes the vault recorded
 * when it was added. A file changed, swapped or gone since is refused before it decodes anything.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { DamagedFileError, NotFoundError } from '../errors.js';
import { explainReadError, readRegularFile } from '../media/read-regular-file.js';
import type { MetadataRecord, VaultData } from '../vault/model.js';
import { MAX_METADATA_BYTES } from './metadata.js';

/** The folder beside the vault its metadata is kept in: one a vault, so two vaults in one folder never share a file. */
export const metadataFolder = (vaultPath: string): string => `${vaultPath}.metadata`;

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** How a record is named to people: `polkadot 1003000`. */
export const recordLabel = (r: Pick<MetadataRecord, 'network' | 'specVersion'>): string =>
  `${r.network} ${r.specVersion}`;

export type StoredFileState = 'intact' | 'changed' | 'missing';

/** The record of a chain's runtime, if the vault keeps its metadata. */
export function findMetadataRecord(
  data: VaultData,
  genesisHash: string,
  specVersion: number,
): MetadataRecord | undefined {
  const wanted = genesisHash.toLowerCase();
  return data.metadata.find((r) => r.genesisHash === wanted && r.specVersion === specVersion);
}

/**
 * The metadata bytes (`meta` ‖ version ‖ metadata) of a chain's runtime, checked against the
 * vault's record; refused with the command that adds them when the vault keeps none, or when the
 * file changed since. `chainName` says which chain in the refusal.
 */
export async function loadMetadata(
  data: VaultData,
  vaultPath: string,
  genesisHash: string,
  specVersion: number,
  chainName = genesisHash,
): Promise<Uint8Array> {
  const record = findMetadataRecord(data, genesisHash, specVersion);
  if (!record) {
    throw new NotFoundError(
      `the vault keeps no metadata for ${chainName} runtime version ${specVersion}`,
      `save what a node of ${chainName} at that runtime answers to state_getMetadata and add it: airlock metadata add FILE`,
    );
  }
  const stored = await readStored(vaultPath, record);
  if (stored.state === 'intact') return stored.bytes;
  const path = join(metadataFolder(vaultPath), record.file);
  throw new DamagedFileError(
    stored.state === 'missing'
      ? `the stored metadata for ${recordLabel(record)} is missing (${path})`
      : `the stored metadata for ${recordLabel(record)} changed since it was added (${path})`,
    'add it again with airlock metadata add',
  );
}

/** Whether a record's file is still the one recorded. */
export async function storedFileState(vaultPath: string, record: MetadataRecord): Promise<StoredFileState> {
  return (await readStored(vaultPath, record)).state;
}

type Stored = { state: 'intact'; bytes: Uint8Array } | { state: 'changed' | 'missing' };

async function readStored(vaultPath: string, record: MetadataRecord): Promise<Stored> {
  const path = join(metadataFolder(vaultPath), record.file);
  let bytes: Buffer;
  try {
    // One byte past the recorded size is enough to know it changed.
    bytes = await readRegularFile(path, Math.min(record.size, MAX_METADATA_BYTES), () => new GrownFile());
  } catch (error) {
    if (error instanceof GrownFile) return { state: 'changed' };
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw explainReadError(path, error);
  }
  if (bytes.length !== record.size || sha256(bytes) !== record.sha256) return { state: 'changed' };
  return { state: 'intact', bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
}

class GrownFile extends Error {}
