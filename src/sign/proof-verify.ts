/**
 * An RFC-0078 metadata proof: read, checked against its own Merkle tree, and turned into the
 * metadata hash a chain compares with the one it compiled in. The tree is airlock's to check
 * (the library makes proofs, it does not verify them); the codecs are the library's, so the
 * bytes hashed are the ones the RFC's implementations hash.
 */
import { blake3 } from '@noble/hashes/blake3.js';
import {
  extraInfo,
  extrinsicMetadata,
  lookupType,
  proof as proofCodec,
  type Proof,
} from '@polkadot-api/merkleize-metadata';
import { UserError } from '../errors.js';
import { proofLayout } from './proof-layout.js';

/** Far beyond a real proof (a few kilobytes; a whole chain's types are under 2,000 leaves). */
export const PROOF_LIMITS = { bytes: 1024 * 1024, leaves: 8192, nodes: 8192 } as const;

export const DAMAGED_HINT =
  'the request was changed on its way or made by a wallet that does not follow RFC-0078: make it again';

const damaged = (detail: string): UserError =>
  new UserError(`the metadata proof in the request is damaged: ${detail}`, DAMAGED_HINT);

/** The proof at the start of `payload` and how many bytes it took. */
export function readProof(payload: Uint8Array): { proof: Proof; length: number } {
  if (payload.length > PROOF_LIMITS.bytes) {
    throw new UserError(
      `the request is ${payload.length.toLocaleString('en-US')} bytes: more than a metadata proof and its transaction can need`,
      'a real request with a proof is a few kilobytes: make it again from the wallet',
    );
  }
  const { length } = proofLayout(payload, PROOF_LIMITS, DAMAGED_HINT);
  let proof: Proof;
  let encoded: Uint8Array;
  try {
    // A copy: the codec reads from the start of the buffer beneath the array it is given.
    proof = proofCodec.dec(payload.slice(0, length));
    encoded = proofCodec.enc(proof);
  } catch {
    throw damaged('it cannot be read');
  }
  // The proof's own encoding, byte for byte: text the codec read loosely (bad UTF-8) would
  // otherwise hash one way and show another.
  if (!sameBytes(encoded, payload.subarray(0, length))) throw damaged('it is not in its one valid encoding');
  return { proof, length };
}

/** The metadata hash the proof stands for: blake3 of the SCALE `MetadataDigest::V1`. */
export function proofDigest(proof: Proof): Uint8Array {
  const root = typeTreeRoot(proof);
  const digest = new Uint8Array([
    1, // MetadataDigest::V1
    ...root,
    ...blake3(extrinsicMetadata.enc(proof.extrinsic)),
    ...extraInfo.enc(proof.info),
  ]);
  return blake3(digest);
}

/**
 * The root of the type-information tree, rebuilt from the leaves the proof carries and the
 * hashes of the subtrees it leaves out. The tree is the RFC's complete binary tree laid out as
 * an array (node i has children 2i+1 and 2i+2); `leafIdxs` are the leaves' places in it, and
 * leaves and hashes come in the order a left-first walk from the root meets them.
 */
export function typeTreeRoot(proof: Proof): Uint8Array {
  const { leaves, leafIdxs, proofs } = proof;
  if (leaves.length === 0) throw damaged('it holds no types');
  if (leaves.length !== leafIdxs.length) throw damaged('its types and their places differ in number');
  const leafHashes = leaves.map((leaf) => blake3(lookupType.enc(leaf)));
  let nextLeaf = 0;
  let nextNode = 0;
  const walk = (node: number): Uint8Array => {
    const target = leafIdxs[nextLeaf];
    if (target === node) return leafHashes[nextLeaf++]!;
    // Only the path to a proven leaf is walked: at most one step per level (32) for each.
    if (target !== undefined && isAncestor(node, target)) {
      const left = walk(2 * node + 1);
      const right = walk(2 * node + 2);
      return blake3(new Uint8Array([...left, ...right]));
    }
    const hash = proofs[nextNode++];
    if (hash === undefined) throw damaged('a hash it needs is missing');
    return hash;
  };
  const root = walk(0);
  if (nextLeaf !== leaves.length) throw damaged('its types are out of order');
  if (nextNode !== proofs.length) throw damaged('it carries hashes the tree has no place for');
  return root;
}

/** The level of a node in the array layout: the root is 0, its children 1. */
function levelOf(node: number): number {
  let level = 0;
  while (2 ** (level + 1) - 1 <= node) level++;
  return level;
}

function isAncestor(node: number, descendant: number): boolean {
  const levels = levelOf(descendant) - levelOf(node);
  return levels > 0 && Math.floor((descendant + 1) / 2 ** levels) - 1 === node;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
