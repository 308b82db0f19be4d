/**
 * Chain metadata kept beside the vault: the bytes in a folder named after the vault file
 * (`vault.json.metadata/polkadot-1003000.scale`), the record of what they are and their SHA-256
 * in the vault, where nobody can change it without the password. Adding, listing, removing;
 * loading, which checks the file against its record, is in metadata-load.ts.
 */
import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AlreadyExistsError, DamagedFileError, NotFoundError, UserError } from '../errors.js';
import { explainWriteError, removeStaleTemps, writeFileDurably } from '../media/durable-write.js';
import { formatBytes } from '../media/format-bytes.js';
import { explainReadError, readRegularFile } from '../media/read-regular-file.js';
import type { MetadataRecord, VaultData } from '../vault/model.js';
import type { VaultSession } from '../vault/store.js';
import { chainOfMetadata, needsChainClaims, type ChainClaims } from './metadata-chain.js';
import { metadataDigest } from './metadata-digest.js';
import { metadataFolder, recordLabel, sha256, storedFileState, type StoredFileState } from './metadata-load.js';
import { MAX_METADATA_BYTES, MAX_METADATA_INPUT_BYTES, readMetadataInput, type MetadataInfo } from './metadata.js';

export { findMetadataRecord, loadMetadata, metadataFolder, storedFileState } from './metadata-load.js';
export type { StoredFileState } from './metadata-load.js';

const hex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString('hex')}`;

/** A file holding what a node returned, read within the bounds of any metadata's size. */
export async function readMetadataFile(path: string): Promise<Uint8Array> {
  const tooLarge = (size: number) =>
    new DamagedFileError(
      `${path} is ${formatBytes(size)}, more than any chain's metadata (at most ${formatBytes(MAX_METADATA_BYTES)})`,
      "give the file a node's state_getMetadata answer was saved in",
    );
  try {
    const bytes = await readRegularFile(path, MAX_METADATA_INPUT_BYTES, tooLarge);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  } catch (error) {
    throw explainReadError(path, error);
  }
}

/** What a runtime says of itself, shown when the person is asked which chain it is. */
export type UnknownRuntime = Pick<MetadataInfo, 'specName' | 'specVersion' | 'version' | 'ss58Prefix'>;

/**
 * The runtime in `input` (read as addMetadata reads it, refused the same way) when its chain
 * must be described before it can be added (`ChainClaims` for addMetadata); undefined when
 * airlock or the vault (`data`) knows it.
 */
export function runtimeNeedingClaims(data: VaultData, input: Uint8Array, source: string): UnknownRuntime | undefined {
  const { specName, specVersion, version, ss58Prefix } = readMetadataInput(input, source);
  return needsChainClaims(specName, data.metadata) ? { specName, specVersion, version, ss58Prefix } : undefined;
}

export interface AddedMetadata {
  record: MetadataRecord;
  /** `added`, or `kept` when the very same bytes were there already (`restored` when their file was not). */
  outcome: 'added' | 'kept' | 'restored';
}

/**
 * Reads what a node returned (`input`, from `source`), recognises its chain (`claims` for a
 * chain airlock does not know) and keeps it. The same runtime again with the same bytes is
 * kept as it is; with other bytes it is refused until the one there is removed.
 */
export async function addMetadata(
  session: VaultSession,
  input: Uint8Array,
  source: string,
  claims: ChainClaims = {},
): Promise<AddedMetadata> {
  const info = readMetadataInput(input, source);
  const chain = chainOfMetadata(info, claims, session.data.metadata);
  const digest =
    info.version === 15
      ? hex(
          metadataDigest(info.bytes, {
            ...info,
            decimals: chain.decimals,
            tokenSymbol: chain.token,
            base58Prefix: info.ss58Prefix,
          }),
        )
      : undefined;
  const record: MetadataRecord = {
    network: chain.name,
    genesisHash: chain.genesisHash,
    specName: info.specName,
    specVersion: info.specVersion,
    metadataVersion: info.version,
    ss58Prefix: chain.ss58Prefix,
    decimals: chain.decimals,
    token: chain.token,
    file: `${chain.name}-${info.specVersion}.scale`,
    size: info.bytes.length,
    sha256: sha256(info.bytes),
    ...(digest === undefined ? {} : { digest }),
    addedAt: new Date().toISOString(),
  };
  // Under the vault's lock: the file and the record change together, and two adds one after the other.
  return session.update<AddedMetadata>(async (data) => {
    // Another airlock may have kept metadata since this one read the vault: checked again on what is there now.
    const now = chainOfMetadata(info, claims, data.metadata);
    if (now.name !== chain.name || now.token !== chain.token || now.decimals !== chain.decimals)
      throw new UserError('the vault changed while the metadata was read', 'run the command again');
    const there = data.metadata.find((r) => r.network === record.network && r.specVersion === record.specVersion);
    if (there && there.sha256 !== record.sha256) {
      throw new AlreadyExistsError(
        `the vault keeps other metadata for ${recordLabel(there)} (version ${there.metadataVersion}, added ${there.addedAt})`,
        `remove it first if this one should replace it: airlock metadata remove ${there.network} ${there.specVersion}`,
      );
    }
    const intact = there !== undefined && (await storedFileState(session.path, there)) === 'intact';
    if (!intact) await writeMetadataFile(session.path, record.file, info.bytes);
    if (there) return { data, result: { record: there, outcome: intact ? 'kept' : 'restored' } };
    const metadata = [...data.metadata, record].sort(byNetworkAndSpec);
    return { data: { ...data, metadata }, result: { record, outcome: 'added' } };
  });
}

const byNetworkAndSpec = (a: MetadataRecord, b: MetadataRecord) =>
  a.network.localeCompare(b.network) || a.specVersion - b.specVersion;

async function writeMetadataFile(vaultPath: string, file: string, bytes: Uint8Array): Promise<void> {
  const folder = metadataFolder(vaultPath);
  await mkdir(folder, { recursive: true, mode: 0o700 }).catch((error: unknown) => {
    throw explainWriteError(error, folder);
  });
  const path = join(folder, file);
  const verify = async (temp: string) => {
    const written = await readRegularFile(temp, bytes.length, () => new UserError(`${temp} grew while written`));
    if (!written.equals(bytes)) throw new UserError(`${path} did not read back as written`, 'check the medium');
  };
  await writeFileDurably(path, bytes, { verify });
  await removeStaleTemps(path);
}

export interface ListedMetadata {
  record: MetadataRecord;
  /** Whether its file is still the one recorded. */
  state: StoredFileState;
}

/** The records, by network and spec version, each with the state of its file. */
export async function listMetadata(data: VaultData, vaultPath: string): Promise<ListedMetadata[]> {
  const records = [...data.metadata].sort(byNetworkAndSpec);
  return Promise.all(records.map(async (record) => ({ record, state: await storedFileState(vaultPath, record) })));
}

/** Removes a network's metadata, of one spec version or of all; returns what was removed. */
export function removeMetadata(
  session: VaultSession,
  network: string,
  specVersion?: number,
): Promise<MetadataRecord[]> {
  return session.update(async (data) => {
    const removed = data.metadata.filter(
      (r) => r.network === network && (specVersion === undefined || r.specVersion === specVersion),
    );
    if (removed.length === 0) {
      const which = specVersion === undefined ? network : `${network} ${specVersion}`;
      throw new NotFoundError(`the vault keeps no metadata for ${which}`, 'see what it keeps: airlock metadata list');
    }
    // Before the record goes: a failure leaves a record whose file is missing, which loading names.
    for (const record of removed) {
      await unlink(join(metadataFolder(session.path), record.file)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw explainWriteError(error, record.file);
      });
    }
    return { data: { ...data, metadata: data.metadata.filter((r) => !removed.includes(r)) }, result: removed };
  });
}
