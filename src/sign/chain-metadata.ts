/**
 * A chain's metadata (V14 and later, `0x6d657461…` as `state_getMetadata` gives it) read with
 * @polkadot/types, and its types given as plain shapes the decoders walk. Every name in it came
 * from outside with the file, so each is made printable here, once.
 */
import { Metadata, TypeRegistry } from '@polkadot/types';
import type { Si1Field, Si1Type } from '@polkadot/types/interfaces';
import { UserError } from '../errors.js';
import { printable } from '../printable.js';

export interface FieldShape {
  name: string | undefined;
  /** The type as the chain's source names it (`T::Balance`): what tells an amount from a count. */
  typeName: string | undefined;
  type: number;
}

export interface VariantShape {
  name: string;
  fields: FieldShape[];
}

export type TypeShape =
  | { kind: 'composite'; path: string[]; fields: FieldShape[] }
  | { kind: 'variant'; path: string[]; variants: Map<number, VariantShape> }
  | { kind: 'sequence'; of: number }
  | { kind: 'array'; length: number; of: number }
  | { kind: 'tuple'; of: number[] }
  | { kind: 'primitive'; name: string }
  | { kind: 'compact'; of: number }
  | { kind: 'bits'; store: number };

/** A signed extension: what the transaction carries of it, and what is signed without being sent. */
export interface ExtensionShape {
  identifier: string;
  extra: number;
  implicit: number;
}

export interface ChainMetadata {
  version: number;
  /** The runtime's call enum: its variants are the pallets, theirs the calls. */
  callType: number;
  extensions: ExtensionShape[];
  /** The `System` pallet's `Version` constant's bytes and type, which hold the spec version. */
  runtimeVersion: { type: number; value: Uint8Array } | undefined;
  typeOf(id: number): TypeShape;
}

const REFUSED_HINT = 'add the metadata again with `airlock metadata add FILE`, from what the chain’s node returns';

/**
 * The last metadata read, kept with a copy of its bytes: reading takes most of a second, and
 * showing a request, then another for the same chain, reads the same metadata. Compared byte
 * for byte (a millisecond), not by a hash, which would cost more than it saves.
 */
let lastRead: { bytes: Buffer; metadata: ChainMetadata } | undefined;

export function readChainMetadata(bytes: Uint8Array): ChainMetadata {
  if (lastRead === undefined || !lastRead.bytes.equals(bytes)) {
    const copy = Buffer.from(bytes);
    lastRead = { bytes: copy, metadata: parseChainMetadata(copy) };
  }
  return lastRead.metadata;
}

function parseChainMetadata(bytes: Uint8Array): ChainMetadata {
  let metadata: Metadata;
  try {
    metadata = new Metadata(new TypeRegistry(), bytes);
  } catch {
    throw new UserError('the metadata could not be read', REFUSED_HINT);
  }
  if (metadata.version < 14)
    throw new UserError(
      `the metadata is version ${metadata.version}; airlock reads version 14 and later`,
      REFUSED_HINT,
    );
  const latest = metadata.asLatest;
  const shapes = new Map<number, TypeShape>();
  const system = latest.pallets.find((pallet) => pallet.name.toString() === 'System');
  const version = system?.constants.find((constant) => constant.name.toString() === 'Version');
  return {
    version: metadata.version,
    callType: latest.extrinsic.callType.toNumber(),
    extensions: extensionsOf(metadata),
    runtimeVersion: version && { type: version.type.toNumber(), value: version.value.toU8a(true) },
    typeOf(id) {
      let shape = shapes.get(id);
      if (shape === undefined) {
        shape = shapeOf(latest.lookup.types[id]?.type, id);
        shapes.set(id, shape);
      }
      return shape;
    },
  };
}

/**
 * Read from the metadata's own version: @polkadot/types 16 drops `additionalSigned` when it
 * turns V14 and V15 into its latest form (`implict` in metadata/v15/toV16.js), leaving type 0.
 */
function extensionsOf(metadata: Metadata): ExtensionShape[] {
  const shape = (identifier: string, extra: number, implicit: number): ExtensionShape => ({
    identifier: printable(identifier),
    extra,
    implicit,
  });
  if (metadata.version === 14 || metadata.version === 15) {
    const extrinsic = metadata.version === 14 ? metadata.asV14.extrinsic : metadata.asV15.extrinsic;
    return extrinsic.signedExtensions.map((extension) =>
      shape(extension.identifier.toString(), extension.type.toNumber(), extension.additionalSigned.toNumber()),
    );
  }
  return metadata.asLatest.extrinsic.transactionExtensions.map((extension) =>
    shape(extension.identifier.toString(), extension.type.toNumber(), extension.implicit.toNumber()),
  );
}

function shapeOf(type: Si1Type | undefined, id: number): TypeShape {
  if (type === undefined) throw new UserError(`the metadata names type ${id}, which it does not hold`, REFUSED_HINT);
  const def = type.def;
  const path = type.path.map((segment) => printable(segment.toString()));
  if (def.isComposite) return { kind: 'composite', path, fields: def.asComposite.fields.map(fieldShape) };
  if (def.isVariant) {
    const variants = new Map<number, VariantShape>();
    for (const variant of def.asVariant.variants)
      variants.set(variant.index.toNumber(), {
        name: printable(variant.name.toString()),
        fields: variant.fields.map(fieldShape),
      });
    return { kind: 'variant', path, variants };
  }
  if (def.isSequence) return { kind: 'sequence', of: def.asSequence.type.toNumber() };
  if (def.isArray) return { kind: 'array', length: def.asArray.len.toNumber(), of: def.asArray.type.toNumber() };
  if (def.isTuple) return { kind: 'tuple', of: def.asTuple.map((member) => member.toNumber()) };
  if (def.isPrimitive) return { kind: 'primitive', name: def.asPrimitive.type.toLowerCase() };
  if (def.isCompact) return { kind: 'compact', of: def.asCompact.type.toNumber() };
  if (def.isBitSequence) return { kind: 'bits', store: def.asBitSequence.bitStoreType.toNumber() };
  throw new UserError(`the metadata's type ${id} is of a kind airlock does not read`, REFUSED_HINT);
}

function fieldShape(field: Si1Field): FieldShape {
  return {
    name: field.name.isSome ? printable(field.name.unwrap().toString()) : undefined,
    typeName: field.typeName.isSome ? printable(field.typeName.unwrap().toString()) : undefined,
    type: field.type.toNumber(),
  };
}
