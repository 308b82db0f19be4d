/**
 * The types a metadata proof carries, looked up by the ids its references use. An enum is
 * spread over one leaf per variant (the RFC proves only the variants a transaction uses), so a
 * reference to an enum is resolved when its variant index has been read.
 */
import type { Proof } from '@polkadot-api/merkleize-metadata';
import { UserError } from '../errors.js';

export type LeafType = Proof['leaves'][number];
export type TypeRef = Proof['extrinsic']['callTy'];
export type TypeDef = LeafType['typeDef'];
export type Variant = Extract<TypeDef, { tag: 'enumeration' }>['value'];
export type Field = Variant['fields'][number];

export const UNCOVERED_HINT = 'the wallet sent a proof for another transaction or cut it short: make the request again';

export class ProofTypes {
  private readonly plain = new Map<number, LeafType>();
  private readonly enums = new Map<number, { path: string[]; variants: Map<number, Variant> }>();

  constructor(leaves: readonly LeafType[]) {
    for (const leaf of leaves) this.add(leaf);
  }

  /** A type that is not an enum, or undefined when it is one. */
  plainType(id: number): LeafType | undefined {
    const leaf = this.plain.get(id);
    if (!leaf && !this.enums.has(id)) throw uncovered();
    return leaf;
  }

  /** The variant of enum `id` with this index. */
  variant(id: number, index: number): { path: string[]; variant: Variant } {
    const found = this.enums.get(id);
    const variant = found?.variants.get(index);
    if (!found || !variant) throw uncovered();
    return { path: found.path, variant };
  }

  private add(leaf: LeafType): void {
    const id = leaf.typeId;
    if (leaf.typeDef.tag !== 'enumeration') {
      if (this.plain.has(id) || this.enums.has(id)) throw contradictory();
      this.plain.set(id, leaf);
      return;
    }
    if (this.plain.has(id)) throw contradictory();
    const found = this.enums.get(id) ?? { path: leaf.path, variants: new Map<number, Variant>() };
    if (found.variants.has(leaf.typeDef.value.index)) throw contradictory();
    found.variants.set(leaf.typeDef.value.index, leaf.typeDef.value);
    this.enums.set(id, found);
  }
}

export const uncovered = (): UserError =>
  new UserError('the proof does not cover the types this transaction uses', UNCOVERED_HINT);

const contradictory = (): UserError =>
  new UserError(
    'the metadata proof in the request contradicts itself: it gives one type twice',
    'make the request again from the wallet',
  );
