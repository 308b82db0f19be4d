/**
 * What the value walker needs to know of a chain's types, and no more: both the full metadata's
 * portable registry and a metadata proof's leaves answer it, so one walker shows a transaction
 * the same way whichever of them it came with. `Ref` is how a source names a type (an id in the
 * registry, a type reference in a proof). Every name given here is already printable.
 */

export interface FieldShape<Ref> {
  name: string | undefined;
  /** The type as the chain's source names it (`T::Balance`): what tells an amount from a count. */
  typeName: string | undefined;
  type: Ref;
}

export interface VariantShape<Ref> {
  name: string;
  fields: FieldShape<Ref>[];
}

export type TypeShape<Ref> =
  | { kind: 'composite'; path: string[]; fields: FieldShape<Ref>[] }
  /**
   * An enum, whose variant is looked up by the index read: a proof holds only the variants a
   * transaction uses, so a source may refuse an index itself (undefined: the walker refuses).
   */
  | { kind: 'variant'; path: string[]; variant(index: number): VariantShape<Ref> | undefined }
  | { kind: 'sequence'; of: Ref }
  | { kind: 'array'; length: number; of: Ref }
  | { kind: 'tuple'; of: Ref[] }
  /** `u8`…`u256`, `i8`…`i256`, `bool`, `char`, `str`. */
  | { kind: 'primitive'; name: string }
  | { kind: 'compact'; of: Ref }
  /** A bit sequence stored in words of `storeBytes` bytes. */
  | { kind: 'bits'; storeBytes: number };

export interface TypeResolver<Ref> {
  /** The type `ref` names; a source refuses (throws) a type it does not hold. */
  shape(ref: Ref): TypeShape<Ref>;
  /** Whether `ref` is the runtime's call enum: a value of it is a call, shown as one. */
  isCall(ref: Ref): boolean;
}

/** A signed extension: what the transaction carries of it, and what is signed without being sent. */
export interface ExtensionShape<Ref> {
  identifier: string;
  extra: Ref;
  implicit: Ref;
}
