/**
 * Where a metadata proof ends, found by walking its layout with bounded, strict reads before
 * any library decodes it: a decoder given a count of billions, or hashes past the end of the
 * bytes (which read as empty rather than fail), would otherwise work without end.
 */
import { ProofReader } from './proof-reader.js';

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
  const reader = new ProofReader(payload, 'the metadata proof', hint);
  const leaves = countUpTo(reader, limits.leaves);
  for (let i = 0; i < leaves; i++) skipLeaf(reader);
  if (countUpTo(reader, leaves) !== leaves) reader.refuse('its types and their places differ in number');
  reader.take(4 * leaves);
  const nodes = countUpTo(reader, limits.nodes);
  reader.take(32 * nodes);
  skipExtrinsicMetadata(reader);
  skipExtraInfo(reader);
  return { length: reader.position, leaves, nodes };
}

function countUpTo(reader: ProofReader, limit: number): number {
  const count = reader.count();
  // Every item takes a byte at least, so a count beyond the bytes left is a lie.
  if (count > limit || count > reader.remaining) reader.refuse('a count beyond what it could hold');
  return count;
}

function each(reader: ProofReader, skip: (reader: ProofReader) => void): void {
  const count = countUpTo(reader, Number.MAX_SAFE_INTEGER);
  for (let i = 0; i < count; i++) skip(reader);
}

function skipText(reader: ProofReader): void {
  reader.take(reader.count());
}

function skipTypeRef(reader: ProofReader): void {
  const tag = reader.u8();
  if (tag > PER_ID_TAG) reader.refuse('an unknown type reference');
  if (tag === PER_ID_TAG) reader.compact(4);
}

function skipOption(reader: ProofReader, skip: (reader: ProofReader) => void): void {
  const tag = reader.u8();
  if (tag > 1) reader.refuse('an option that is neither none nor some');
  if (tag === 1) skip(reader);
}

function skipField(reader: ProofReader): void {
  skipOption(reader, skipText);
  skipTypeRef(reader);
  skipOption(reader, skipText);
}

function skipLeaf(reader: ProofReader): void {
  each(reader, skipText);
  const tag = reader.u8();
  if (tag >= TYPE_DEF_TAGS) reader.refuse('an unknown kind of type');
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

function skipExtrinsicMetadata(reader: ProofReader): void {
  reader.u8();
  for (let i = 0; i < 3; i++) skipTypeRef(reader);
  each(reader, (r) => {
    skipText(r);
    skipTypeRef(r);
    skipTypeRef(r);
  });
}

function skipExtraInfo(reader: ProofReader): void {
  reader.take(4);
  skipText(reader);
  reader.take(3);
  skipText(reader);
}
