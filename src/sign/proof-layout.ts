/**
 * Where a metadata proof ends, found by walking its layout with bounded, strict reads before
 * any library decodes it: a decoder given a count of billions, or hashes past the end of the
 * bytes (which read as empty rather than fail), would otherwise work without end.
 */
import { ScaleError, ScaleReader, scaleRefusal } from './scale-reader.js';

/** Type references: primitives are one byte, the last one (`perId`) is followed by a compact id. */
const PER_ID_TAG = 22;
/** `TypeDef`'s variants, in order: composite, enumeration, sequence, array, tuple, bitSequence. */
const TYPE_DEF_TAGS = 6;

export interface ProofCounts {
  length: number;
  leaves: number;
  nodes: number;
}

export function proofLayout(payload: Uint8Array, limits: { leaves: number; nodes: number }, hint: string): ProofCounts {
  try {
    return walkLayout(new ScaleReader(payload), limits);
  } catch (error) {
    if (error instanceof ScaleError) throw scaleRefusal(error, 'the metadata proof', hint);
    throw error;
  }
}

function walkLayout(reader: ScaleReader, limits: { leaves: number; nodes: number }): ProofCounts {
  const leaves = countUpTo(reader, limits.leaves);
  for (let i = 0; i < leaves; i++) skipLeaf(reader);
  if (countUpTo(reader, leaves) !== leaves) refuse('its types and their places differ in number');
  reader.take(4 * leaves);
  const nodes = countUpTo(reader, limits.nodes);
  reader.take(32 * nodes);
  skipExtrinsicMetadata(reader);
  skipExtraInfo(reader);
  return { length: reader.offset, leaves, nodes };
}

function countUpTo(reader: ScaleReader, limit: number): number {
  const count = Number(reader.compact(4));
  // Every item takes a byte at least, so a count beyond the bytes left is a lie.
  if (count > limit || count > reader.remaining) refuse('a count beyond what it could hold');
  return count;
}

function each(reader: ScaleReader, skip: (reader: ScaleReader) => void): void {
  const count = countUpTo(reader, Number.MAX_SAFE_INTEGER);
  for (let i = 0; i < count; i++) skip(reader);
}

function skipText(reader: ScaleReader): void {
  reader.take(reader.length());
}

function skipTypeRef(reader: ScaleReader): void {
  const tag = reader.u8();
  if (tag > PER_ID_TAG) refuse('an unknown type reference');
  if (tag === PER_ID_TAG) reader.compact(4);
}

function skipOption(reader: ScaleReader, skip: (reader: ScaleReader) => void): void {
  const tag = reader.u8();
  if (tag > 1) refuse('an option that is neither none nor some');
  if (tag === 1) skip(reader);
}

function skipField(reader: ScaleReader): void {
  skipOption(reader, skipText);
  skipTypeRef(reader);
  skipOption(reader, skipText);
}

function skipLeaf(reader: ScaleReader): void {
  each(reader, skipText);
  const tag = reader.u8();
  if (tag >= TYPE_DEF_TAGS) refuse('an unknown kind of type');
  if (tag === 0) each(reader, skipField);
  if (tag === 1) {
    skipText(reader);
    each(reader, skipField);
    reader.compact(4);
  }
  if (tag === 2) skipTypeRef(reader);
  if (tag === 3) {
    reader.take(4);
    skipTypeRef(reader);
  }
  if (tag === 4) each(reader, skipTypeRef);
  if (tag === 5) reader.take(2);
  reader.compact(4);
}

function skipExtrinsicMetadata(reader: ScaleReader): void {
  reader.u8();
  for (let i = 0; i < 3; i++) skipTypeRef(reader);
  each(reader, (r) => {
    skipText(r);
    skipTypeRef(r);
    skipTypeRef(r);
  });
}

function skipExtraInfo(reader: ScaleReader): void {
  reader.take(4);
  skipText(reader);
  reader.take(3);
  skipText(reader);
}

function refuse(detail: string): never {
  throw new ScaleError(detail);
}
