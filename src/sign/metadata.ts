/**
 * Chain metadata a person brings from an online node: read in any of the forms a node gives
 * (see metadata-forms.ts), parsed with @polkadot/types, and recognised: its version, the
 * runtime's spec name and version, the chain's SS58 prefix and its signed extensions.
 */
import { Metadata, TypeRegistry } from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';
import { u8aEq } from '@polkadot/util';
import { DamagedFileError } from '../errors.js';
import { printable, QUOTED } from '../printable.js';
import { metadataBytesOf, notMetadata } from './metadata-forms.js';
import { quietlySync } from './quiet.js';

export { MAX_METADATA_BYTES, MAX_METADATA_INPUT_BYTES } from './metadata-forms.js';

/** The versions airlock decodes with: what nodes give today (V14 by default, V15 on asking). */
export const METADATA_VERSIONS = [14, 15] as const;
export type MetadataVersion = (typeof METADATA_VERSIONS)[number];

export interface MetadataInfo {
  /** RuntimeMetadataPrefixed, as `state_getMetadata` gives it: `meta` ‖ version ‖ metadata. */
  bytes: Uint8Array;
  version: MetadataVersion;
  /** The runtime's `spec_name` (`polkadot`), printable. */
  specName: string;
  specVersion: number;
  /** The System pallet's `SS58Prefix`. */
  ss58Prefix: number;
  /** The signed extensions a transaction of this runtime carries, in order. */
  signedExtensions: string[];
}

/** A registry that knows the chain's types, and the metadata it was given. */
export interface OpenedMetadata {
  registry: TypeRegistry;
  metadata: Metadata;
}

/** Reads what a node returned for the chain's metadata; `source` names it in a refusal (a file's path). */
export function readMetadataInput(input: Uint8Array, source = 'the metadata'): MetadataInfo {
  const bytes = metadataBytesOf(input, source);
  const version = checkedVersion(bytes, source);
  const { registry, metadata } = openMetadata(bytes, source);
  return quietlySync(() => {
    try {
      return { bytes, version, ...runtimeOf(registry, metadata, source), signedExtensions: registry.signedExtensions };
    } catch (error) {
      if (error instanceof DamagedFileError) throw error;
      throw notMetadata(source, `its System pallet's constants do not decode (${reasonOf(error)})`);
    }
  });
}

/** The byte after `meta` says the version: refused before any parsing when airlock does not read it. */
function checkedVersion(bytes: Uint8Array, source: string): MetadataVersion {
  const version = bytes[4];
  if (version === undefined) throw notMetadata(source, 'it ends after its "meta" mark');
  if (version === 14 || version === 15) return version;
  const hint =
    'airlock reads metadata versions 14 and 15: ask a node of the chain with state_getMetadata (V14) or Metadata_metadata_at_version with 15';
  throw new DamagedFileError(
    version < 14
      ? `${source} is metadata version ${version}, older than airlock reads (a runtime before 2022)`
      : `${source} is metadata version ${version}, newer than airlock reads`,
    hint,
  );
}

/**
 * Parses metadata bytes (`meta` ‖ version ‖ metadata) into a registry of the chain's types. A
 * file cut short or with bytes after the end is refused: @polkadot/types reads a cut file
 * without complaint, so what it parsed is encoded again and must be the very bytes given.
 */
export function openMetadata(bytes: Uint8Array, source = 'the metadata'): OpenedMetadata {
  checkedVersion(bytes, source);
  return quietlySync(() => {
    const registry = new TypeRegistry();
    let metadata: Metadata;
    try {
      metadata = new Metadata(registry, bytes);
      if (!u8aEq(metadata.toU8a(), bytes)) throw notMetadata(source, 'it is cut short or has bytes after its end');
      registry.setMetadata(metadata);
    } catch (error) {
      if (error instanceof DamagedFileError) throw error;
      throw notMetadata(source, `it does not decode (${reasonOf(error)})`);
    }
    return { registry, metadata };
  });
}

function runtimeOf(registry: TypeRegistry, metadata: Metadata, source: string) {
  const system = metadata.asLatest.pallets.find((pallet) => pallet.name.toString() === 'System');
  if (!system) throw notMetadata(source, 'it has no System pallet');
  const constant = (name: string): Codec => {
    const found = system.constants.find((c) => c.name.toString() === name);
    if (!found) throw notMetadata(source, `its System pallet has no ${name} constant`);
    return registry.createTypeUnsafe(registry.createLookupType(found.type), [found.value]);
  };
  const version = constant('Version').toJSON() as { specName?: unknown; specVersion?: unknown };
  const ss58Prefix = Number(constant('SS58Prefix').toJSON());
  const { specName, specVersion } = version;
  if (typeof specName !== 'string' || typeof specVersion !== 'number')
    throw notMetadata(source, 'its System Version constant is not a runtime version');
  if (!Number.isInteger(ss58Prefix) || ss58Prefix < 0 || ss58Prefix > 16383)
    throw notMetadata(source, 'its SS58Prefix constant is not an SS58 prefix');
  return { specName: printable(specName), specVersion, ss58Prefix };
}

/** A parser's complaint, short and printable: it can quote megabytes of hex. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return printable(message.split('\n')[0] ?? '', QUOTED);
}
