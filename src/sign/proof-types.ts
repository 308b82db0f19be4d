/**
 * The types a metadata proof carries, as the value walker reads them (a `TypeResolver` over
 * the proof's type references). An enum is spread over one leaf per variant (the RFC proves
 * only the variants a transaction uses), so a variant is looked up when its index has been
 * read, and one the proof does not hold refuses, as a type it does not hold does.
 */
import type { Proof } from '@polkadot-api/merkleize-metadata';
import { UserError } from '../errors.js';
import { printable } from '../printable.js';
import { BIT_STORE_BYTES } from './decode-primitive.js';
import { ScaleError } from './scale-reader.js';
import type { ExtensionShape, FieldShape, TypeResolver, TypeShape, VariantShape } from './type-resolver.js';

export type LeafType = Proof['leaves'][number];
export type TypeRef = Proof['extrinsic']['callTy'];
type LeafDef = LeafType['typeDef'];
type Variant = Extract<LeafDef, { tag: 'enumeration' }>['value'];
type Field = Variant['fields'][number];
type Shape = TypeShape<TypeRef>;

export const UNCOVERED_HINT = 'the wallet sent a proof for another transaction or cut it short: make the request again';

/** A proof's compact references, and the integer each is a compact of. */
const COMPACTS: Partial<Record<TypeRef['tag'], TypeRef>> = {
  compactU8: { tag: 'u8', value: undefined },
  compactU16: { tag: 'u16', value: undefined },
  compactU32: { tag: 'u32', value: undefined },
  compactU64: { tag: 'u64', value: undefined },
  compactU128: { tag: 'u128', value: undefined },
  compactU256: { tag: 'u256', value: undefined },
};

export class ProofTypes implements TypeResolver<TypeRef> {
  private readonly plain = new Map<number, LeafType>();
  private readonly enums = new Map<number, { path: string[]; variants: Map<number, VariantShape<TypeRef>> }>();
  private readonly shapes = new Map<number, Shape>();

  constructor(
    leaves: readonly LeafType[],
    /** The runtime's call enum, as the proof's extrinsic metadata names it. */
    private readonly callType?: TypeRef,
  ) {
    for (const leaf of leaves) this.add(leaf);
  }

  isCall(ref: TypeRef): boolean {
    return ref.tag === 'perId' && this.callType?.tag === 'perId' && ref.value === this.callType.value;
  }

  shape(ref: TypeRef): Shape {
    if (ref.tag !== 'perId') return primitiveShape(ref);
    let shape = this.shapes.get(ref.value);
    if (shape === undefined) {
      shape = this.leafShape(ref.value);
      this.shapes.set(ref.value, shape);
    }
    return shape;
  }

  private leafShape(id: number): Shape {
    const found = this.enums.get(id);
    if (found !== undefined)
      return {
        kind: 'variant',
        path: found.path,
        variant: (index) => found.variants.get(index) ?? uncoveredRefusal(),
      };
    const leaf = this.plain.get(id);
    // Enums are never kept among the plain types: the second test only tells the compiler so.
    if (leaf === undefined || leaf.typeDef.tag === 'enumeration') return uncoveredRefusal();
    return plainShape(
      leaf.typeDef,
      leaf.path.map((segment) => printable(segment)),
    );
  }

  private add(leaf: LeafType): void {
    const id = leaf.typeId;
    if (leaf.typeDef.tag !== 'enumeration') {
      if (this.plain.has(id) || this.enums.has(id)) throw contradictory();
      this.plain.set(id, leaf);
      return;
    }
    if (this.plain.has(id)) throw contradictory();
    const path = leaf.path.map((segment) => printable(segment));
    const found = this.enums.get(id) ?? { path, variants: new Map<number, VariantShape<TypeRef>>() };
    const { index, name, fields } = leaf.typeDef.value;
    if (found.variants.has(index)) throw contradictory();
    found.variants.set(index, { name: printable(name), fields: fields.map(fieldShape) });
    this.enums.set(id, found);
  }
}

/** The proof's extensions, by the references its extrinsic metadata gives them. */
export function proofExtensions(extrinsic: Proof['extrinsic']): ExtensionShape<TypeRef>[] {
  return extrinsic.signedExtensions.map((extension) => ({
    identifier: printable(extension.identifier),
    extra: extension.includedInExtrinsic,
    implicit: extension.includedInSignedData,
  }));
}

function primitiveShape(ref: Exclude<TypeRef, { tag: 'perId' }>): Shape {
  const compactOf = COMPACTS[ref.tag];
  if (compactOf !== undefined) return { kind: 'compact', of: compactOf };
  // The proof's `void` is the unit type, `()`.
  if (ref.tag === 'void') return { kind: 'tuple', of: [] };
  return { kind: 'primitive', name: ref.tag };
}

function plainShape(def: Exclude<LeafDef, { tag: 'enumeration' }>, path: string[]): Shape {
  switch (def.tag) {
    case 'composite':
      return { kind: 'composite', path, fields: def.value.map(fieldShape) };
    case 'sequence':
      return { kind: 'sequence', of: def.value };
    case 'array':
      return { kind: 'array', length: def.value.len, of: def.value.typeParam };
    case 'tuple':
      return { kind: 'tuple', of: def.value };
    case 'bitSequence': {
      // The bits are shown as their stored bytes, so the order they are counted in does not matter.
      const storeBytes = Object.values(BIT_STORE_BYTES).find((bytes) => bytes === def.value.numBytes);
      if (storeBytes === undefined) throw new ScaleError('a bit sequence is stored in words of an unknown size');
      return { kind: 'bits', storeBytes };
    }
  }
}

function fieldShape(field: Field): FieldShape<TypeRef> {
  return {
    name: field.name === undefined ? undefined : printable(field.name),
    typeName: field.typeName === undefined ? undefined : printable(field.typeName),
    type: field.ty,
  };
}

export const uncovered = (): UserError =>
  new UserError('the proof does not cover the types this transaction uses', UNCOVERED_HINT);

function uncoveredRefusal(): never {
  throw uncovered();
}

const contradictory = (): UserError =>
  new UserError(
    'the metadata proof in the request contradicts itself: it gives one type twice',
    'make the request again from the wallet',
  );
