/**
 * The proof's pieces on their own: the Merkle tree rebuilt as RFC-0078 lays it out (checked
 * against the RFC's own algorithm and its drawings of 5 and 6 leaves), and the decoder's bounds
 * on types a hostile proof can make up.
 */
import { blake3 } from '@noble/hashes/blake3.js';
import { lookupType, type Proof } from '@polkadot-api/merkleize-metadata';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { ProofDecoder } from '../../src/sign/proof-decode.js';
import { ProofReader } from '../../src/sign/proof-reader.js';
import { ProofTypes, type LeafType, type TypeRef } from '../../src/sign/proof-types.js';
import { readProof, typeTreeRoot } from '../../src/sign/proof-verify.js';

const u8: TypeRef = { tag: 'u8', value: undefined };
const perId = (id: number): TypeRef => ({ tag: 'perId', value: id });
const leaf = (typeId: number, typeDef: LeafType['typeDef'], path: string[] = []): LeafType => ({
  path,
  typeDef,
  typeId,
});
const tuple = (typeId: number): LeafType => leaf(typeId, { tag: 'tuple', value: [u8] });

const hash = (l: LeafType): Uint8Array => blake3(lookupType.enc(l));
const pair = (a: Uint8Array, b: Uint8Array): Uint8Array => blake3(new Uint8Array([...a, ...b]));

const proofOf = (leaves: LeafType[], leafIdxs: number[], proofs: Uint8Array[] = []): Proof =>
  ({ leaves, leafIdxs, proofs }) as unknown as Proof;

describe("the type tree's root", () => {
  const five = [0, 1, 2, 3, 4].map(tuple);
  const six = [0, 1, 2, 3, 4, 5].map(tuple);

  it('is the root the RFC draws for five leaves: [[[3, 4], 0], [1, 2]]', () => {
    // Array layout: leaves at 4…8; a left-first walk meets 7 (leaf 3), 8 (4), 4 (0), 5 (1), 6 (2).
    const order = [3, 4, 0, 1, 2];
    const root = typeTreeRoot(
      proofOf(
        order.map((i) => five[i]!),
        [7, 8, 4, 5, 6],
      ),
    );
    const [l0, l1, l2, l3, l4] = five.map(hash) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];
    expect(root).toEqual(pair(pair(pair(l3, l4), l0), pair(l1, l2)));
  });

  it('is the array layout for six leaves, [[[2, 3], [4, 5]], [0, 1]], from one leaf and three subtree hashes', () => {
    // The RFC's queue pseudo-code and its six-leaf drawing give [[[0, 1], [2, 3]], [4, 5]]; the
    // implementations use the array layout, and so does the hash chains check (Polkadot Vault's
    // published vector in metadata-proof.test.ts verifies by it).
    const [l0, l1, l2, l3, l4, l5] = six.map(hash) as [
      Uint8Array,
      Uint8Array,
      Uint8Array,
      Uint8Array,
      Uint8Array,
      Uint8Array,
    ];
    const expected = pair(pair(pair(l2, l3), pair(l4, l5)), pair(l0, l1));
    // Proving leaf 2 (node 7): the walk meets it, then its sibling 8 (leaf 3), node 4 ([4, 5]), node 2 ([0, 1]).
    const proofs = [l3, pair(l4, l5), pair(l0, l1)];
    expect(typeTreeRoot(proofOf([six[2]!], [7], proofs))).toEqual(expected);
  });

  it('refuses leaves out of the walk order, hashes missing or left over', () => {
    const order = [3, 4, 0, 1, 2].map((i) => five[i]!);
    expect(() => typeTreeRoot(proofOf(order, [8, 7, 4, 5, 6]))).toThrow(UserError);
    expect(() => typeTreeRoot(proofOf([five[0]!], [4]))).toThrow(/a hash it needs is missing/);
    expect(() => typeTreeRoot(proofOf(order, [7, 8, 4, 5, 6], [new Uint8Array(32)]))).toThrow(/no place for/);
    expect(() => typeTreeRoot(proofOf([], []))).toThrow(/holds no types/);
  });
});

describe('decoding by types a proof makes up', () => {
  const decoder = (leaves: LeafType[], bytes: number[]) =>
    new ProofDecoder(new ProofTypes(leaves), new ProofReader(new Uint8Array(bytes), 'the call'));

  it('refuses a type that holds itself, at a bounded depth', () => {
    const loop = leaf(0, { tag: 'composite', value: [{ name: 'again', ty: perId(0), typeName: undefined }] });
    expect(() => decoder([loop], []).decode(perId(0))).toThrow(/nested deeper than a transaction needs/);
  });

  it('refuses a million values that take no bytes', () => {
    const voids = leaf(0, { tag: 'sequence', value: { tag: 'void', value: undefined } });
    // compact 1,000,000 in four-byte mode
    const length = [...new Uint8Array(new Uint32Array([(1_000_000 << 2) | 2]).buffer)];
    expect(() => decoder([voids], length).decode(perId(0))).toThrow(/more values than a transaction needs/);
  });

  it('refuses a type or a variant the proof does not carry', () => {
    const option = leaf(0, { tag: 'enumeration', value: { name: 'None', fields: [], index: 0 } }, ['Option']);
    expect(decoder([option], [0]).decode(perId(0))).toMatchObject({ kind: 'variant', name: 'None' });
    expect(() => decoder([option], [1]).decode(perId(0))).toThrow(
      'the proof does not cover the types this transaction uses',
    );
    expect(() => decoder([option], []).decode(perId(1))).toThrow(
      'the proof does not cover the types this transaction uses',
    );
  });

  it('refuses a proof that gives one type twice', () => {
    expect(() => new ProofTypes([tuple(0), tuple(0)])).toThrow(/contradicts itself/);
  });

  it('refuses a number not in its shortest form, and bytes past the end', () => {
    expect(() => decoder([], [0b01, 0]).decode({ tag: 'compactU32', value: undefined })).toThrow(/shortest form/);
    expect(() => decoder([], [1, 2]).decode({ tag: 'u32', value: undefined })).toThrow(/the call ends early/);
  });
});

describe("a proof's layout", () => {
  it('is refused at once when it counts more types than its bytes could hold', () => {
    // compact 2^30 - 1 leaves, then nothing: a decoder that believed the count would work for ever.
    const started = performance.now();
    expect(() => readProof(new Uint8Array([0xfe, 0xff, 0xff, 0xff, 0]))).toThrow(
      'the metadata proof cannot be read: a count beyond what it could hold',
    );
    expect(performance.now() - started).toBeLessThan(100);
  });
});
