/**
 * Chain metadata kept beside the vault: the bytes in a folder named after the vault file
 * (`vault.json.metadata/polkadot-1003000.scale`), the record of what they are and their SHA-256
 * in the vault, where nobody can change it without the password. A file changed, swapped or
 * gone since it was added is noticed when it is loaded, before it decodes anything.
 */
import { createHash } from 'node:crypto';
import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AlreadyExistsError, DamagedFileError, NotFoundError, UserError } from '../errors.js';
import { explainWriteError, removeStaleTemps, writeFileDurably } from '../media/durable-write.js';
import { explainReadError, readRegularFile } from '../media/read-regular-file.js';
import type { MetadataRecord, VaultData } from '../vault/model.js';
import type { VaultSession } from '../vault/store.js';
import { chainOfMetadata, type ChainClaims } from './metadata-chain.js';
import { metadataDigest } from './metadata-digest.js';
import { MAX_METADATA_BYTES, readMetadataInput } from './metadata.js';

/** The folder beside the vault its metadata is kept in: one a vault, so two vaults in one folder never share a file. */
export const metadataFolder = (vaultPath: string): string => `${vaultPath}.metadata`;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const hex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString('hex')}`;
/** How a record is named to people: `polkadot 1003000`. */
export const recordLabel = (r: Pick<MetadataRecord, 'network' | 'specVersion'>) => `${r.network} ${r.specVersion}`;

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
    const there = data.metadata.find((r) => r.network === record.network && r.specVersion === record.specVersion);
    if (there && there.sha256 !== record.sha256) {
      throw new AlreadyExistsError(
        `the vault keeps other metadata for ${recordLabel(there)} (version ${there.metadataVersion}, added ${there.addedAt})`,
        `remove it first if this one should replace it: airlock metadata remove ${there.network} ${there.specVersion}`,
      );
    }
    const intact = there !== undefined && (await fileProblem(session.path, there)) === undefined;
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

/** The records, by network and spec version. */
export function listMetadata(data: VaultData): MetadataRecord[] {
  return [...data.metadata].sort(byNetworkAndSpec);
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
 * The metadata bytes of a chain's runtime, checked against the vault's record; refused with the
 * command that adds them when the vault keeps none, or when the file changed since.
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
  const { bytes, problem } = await readRecorded(vaultPath, record);
  if (problem !== undefined) throw new DamagedFileError(problem, 'add it again with airlock metadata add');
  return bytes!;
}

async function fileProblem(vaultPath: string, record: MetadataRecord): Promise<string | undefined> {
  return (await readRecorded(vaultPath, record)).problem;
}

async function readRecorded(
  vaultPath: string,
  record: MetadataRecord,
): Promise<{ bytes?: Uint8Array; problem?: string }> {
  const path = join(metadataFolder(vaultPath), record.file);
  const changed = { problem: `the stored metadata for ${recordLabel(record)} changed since it was added (${path})` };
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, Math.min(record.size, MAX_METADATA_BYTES), () => new DamagedFileError(''));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { problem: `the stored metadata for ${recordLabel(record)} is missing (${path})` };
    if (error instanceof DamagedFileError) return changed;
    throw explainReadError(path, error);
  }
  if (bytes.length !== record.size || sha256(bytes) !== record.sha256) return changed;
  return { bytes: new Uint8Array(bytes) };
}
