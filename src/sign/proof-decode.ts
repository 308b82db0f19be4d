/**
 * SCALE values decoded by the types of a metadata proof alone. The result keeps what the types
 * say about each value (its path, its fields' type names) so that the view can tell an account
 * or an amount; bytes the types do not account for are refused, never skipped.
 */
import { ProofReader } from './proof-reader.js';
import type { Field, ProofTypes, TypeRef } from './proof-types.js';

export type Decoded =
  | { kind: 'int'; value: bigint }
  | { kind: 'bool'; value: boolean }
  | { kind: 'str'; value: string }
  /** `Vec<u8>` (`fixed` false) or `[u8; N]`. */
  | { kind: 'bytes'; value: Uint8Array; fixed: boolean }
  | { kind: 'void' }
  | { kind: 'bits'; value: string }
  | { kind: 'composite'; typeId: number; path: string[]; fields: DecodedField[] }
  | { kind: 'variant'; typeId: number; path: string[]; name: string; index: number; fields: DecodedField[] }
  /** A sequence, array or tuple. */
  | { kind: 'items'; typeId: number; items: Decoded[] };

export interface DecodedField {
  name: string | undefined;
  typeName: string | undefined;
  value: Decoded;
}

/** Bounds on the work one transaction can ask for. */
export const DECODE_LIMITS = { depth: 48, values: 100_000, text: 64 * 1024 } as const;

const UNSIGNED: Partial<Record<TypeRef['tag'], number>> = { u8: 1, u16: 2, u32: 4, u64: 8, u128: 16, u256: 32 };
const SIGNED: Partial<Record<TypeRef['tag'], number>> = { i8: 1, i16: 2, i32: 4, i64: 8, i128: 16, i256: 32 };
const COMPACT: Partial<Record<TypeRef['tag'], number>> = {
  compactU8: 1,
  compactU16: 2,
  compactU32: 4,
  compactU64: 8,
  compactU128: 16,
  compactU256: 32,
};

export class ProofDecoder {
  private values = 0;
  constructor(
    private readonly types: ProofTypes,
    private readonly reader: ProofReader,
  ) {}

  decode(ref: TypeRef, depth = 0): Decoded {
    if (depth > DECODE_LIMITS.depth) this.reader.refuse('values nested deeper than a transaction needs');
    if (++this.values > DECODE_LIMITS.values) this.reader.refuse('more values than a transaction needs');
    return ref.tag === 'perId' ? this.decodeType(ref.value, depth + 1) : this.decodePrimitive(ref.tag);
  }

  private decodePrimitive(tag: Exclude<TypeRef['tag'], 'perId'>): Decoded {
    const size = UNSIGNED[tag] ?? SIGNED[tag];
    if (size !== undefined) {
      return { kind: 'int', value: tag in UNSIGNED ? this.reader.unsigned(size) : this.reader.signed(size) };
    }
    const compactSize = COMPACT[tag];
    if (compactSize !== undefined) return { kind: 'int', value: this.reader.compact(compactSize) };
    if (tag === 'bool') return { kind: 'bool', value: this.bool() };
    if (tag === 'char') return { kind: 'str', value: this.char() };
    if (tag === 'str') return { kind: 'str', value: this.text() };
    return { kind: 'void' };
  }

  private decodeType(typeId: number, depth: number): Decoded {
    const leaf = this.types.plainType(typeId);
    if (!leaf) {
      const { path, variant } = this.types.variant(typeId, this.reader.u8());
      const fields = this.fields(variant.fields, depth);
      return { kind: 'variant', typeId, path, name: variant.name, index: variant.index, fields };
    }
    const def = leaf.typeDef;
    switch (def.tag) {
      case 'composite':
        return { kind: 'composite', typeId, path: leaf.path, fields: this.fields(def.value, depth) };
      case 'sequence':
        return this.sequence(typeId, def.value, this.lengthOf(), false, depth);
      case 'array':
        return this.sequence(typeId, def.value.typeParam, def.value.len, true, depth);
      case 'tuple':
        return { kind: 'items', typeId, items: def.value.map((ref) => this.decode(ref, depth)) };
      case 'bitSequence':
        return { kind: 'bits', value: this.bits(def.value.numBytes, def.value.leastSignificantBitFirst) };
      default:
        return this.reader.refuse('an enum where a plain type was expected');
    }
  }

  private fields(fields: readonly Field[], depth: number): DecodedField[] {
    return fields.map((field) => ({ name: field.name, typeName: field.typeName, value: this.decode(field.ty, depth) }));
  }

  private sequence(typeId: number, item: TypeRef, length: number, fixed: boolean, depth: number): Decoded {
    if (item.tag === 'u8') return { kind: 'bytes', value: this.reader.take(length), fixed };
    // Each item takes at least a byte but a void one: the value count bounds those.
    if (length > this.reader.remaining && item.tag !== 'void') this.reader.refuse('a length beyond the bytes');
    if (length > DECODE_LIMITS.values) this.reader.refuse('more values than a transaction needs');
    const items: Decoded[] = [];
    for (let i = 0; i < length; i++) items.push(this.decode(item, depth));
    return { kind: 'items', typeId, items };
  }

  private lengthOf(): number {
    return this.reader.count();
  }

  private bool(): boolean {
    const byte = this.reader.u8();
    if (byte > 1) this.reader.refuse('a flag that is neither true nor false');
    return byte === 1;
  }

  private char(): string {
    const code = Number(this.reader.unsigned(4));
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) this.reader.refuse('a character that is not one');
    return String.fromCodePoint(code);
  }

  private text(): string {
    const length = this.reader.count();
    if (length > DECODE_LIMITS.text) this.reader.refuse('a text longer than a transaction needs');
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(this.reader.take(length));
    } catch {
      return this.reader.refuse('a text that is not UTF-8');
    }
  }

  /** A bit sequence as 0s and 1s in order: its length in bits, then whole storage words. */
  private bits(wordBytes: number, lsbFirst: boolean): string {
    if (![1, 2, 4, 8].includes(wordBytes)) this.reader.refuse('a bit sequence of an unknown word size');
    const bitCount = this.reader.count();
    if (bitCount > 8 * this.reader.remaining) this.reader.refuse('a length beyond the bytes');
    if (bitCount > DECODE_LIMITS.values) this.reader.refuse('more values than a transaction needs');
    const words = Math.ceil(bitCount / (8 * wordBytes));
    const bytes = this.reader.take(words * wordBytes);
    let text = '';
    for (let i = 0; i < bitCount; i++) {
      const word = Math.floor(i / (8 * wordBytes));
      const bitInWord = i % (8 * wordBytes);
      // Words are little-endian; msb-first counts from the word's top bit.
      const bit = lsbFirst ? bitInWord : 8 * wordBytes - 1 - bitInWord;
      const byte = bytes[word * wordBytes + Math.floor(bit / 8)]!;
      text += (byte >> (bit % 8)) & 1 ? '1' : '0';
    }
    return text;
  }
}
