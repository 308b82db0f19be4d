/**
 * A transaction request (UOS actions 00 and 02) as a person reads it, decoded with the chain's
 * full metadata: `compact(length) ‖ call ‖ extensions`, the bytes polkadot.js's QR signer shows
 * (`ExtrinsicPayload.toU8a()` in polkadot-js/apps packages/react-signer/src/signers/QrSigner.ts:
 * the method as length-prefixed `Bytes`, then each extension's value, then each one's signed-only
 * value). Everything not read exactly as the metadata says is refused: nothing is signed that is
 * not shown.
 */
import { blake2AsU8a } from '@polkadot/util-crypto/blake2/asU8a';
import { UserError } from '../errors.js';
import type { ChainMetadata } from './chain-metadata.js';
import { readChainMetadata } from './chain-metadata.js';
import type { DecodeContext } from './decode-value.js';
import { decodeCall, decodeValue, UnknownCallError } from './decode-value.js';
import { decodeExtensions } from './extensions.js';
import { ScaleError, ScaleReader } from './scale-reader.js';
import type { ChainView, ExtensionsView, NameOf, TransactionView } from './view.js';

export interface TransactionRequest {
  /** The chain's metadata, `0x6d657461…`, V14 or later. */
  metadata: Uint8Array;
  /** `compact(length) ‖ call ‖ extensions`, as the request carries it. */
  payload: Uint8Array;
  /** The genesis hash the request names (0x hex). */
  genesisHash: string;
  chain: ChainView;
  nameOf: NameOf;
}

const RESEND_HINT = 'make the request again in the sending wallet, and scan all of it';

export function decodeTransaction(request: TransactionRequest): TransactionView {
  const { callStart, callEnd } = callBounds(request.payload);
  const metadata = readChainMetadata(request.metadata);
  const context: DecodeContext = { metadata, chain: request.chain, nameOf: request.nameOf, values: 0 };
  const runtime = runtimeVersionOf(metadata, context);
  const specVersion = runtime.specVersion;
  const extensions = readExtensions(request.payload, callEnd, context, specVersion);
  if (extensions.genesisHash !== request.genesisHash.toLowerCase())
    throw new UserError(
      `the transaction is for the chain with genesis ${extensions.genesisHash}, but the request names ${request.genesisHash}`,
      RESEND_HINT,
    );
  if (extensions.specVersion !== specVersion)
    throw new SpecVersionMismatch(
      `the transaction is for spec ${extensions.specVersion}; the metadata given is for spec ${specVersion}`,
      `add metadata for spec ${extensions.specVersion} with \`airlock metadata add FILE\`, from the chain’s node`,
    );
  if (extensions.transactionVersion !== runtime.transactionVersion)
    throw new UserError(
      `the transaction says transaction version ${extensions.transactionVersion}, but spec ${specVersion} has ${runtime.transactionVersion}`,
      'the chain would refuse it: make the request again in the sending wallet',
    );
  const call = readCall(request.payload, callStart, callEnd, context, specVersion);
  return { call, extensions };
}

/**
 * What is signed for a transaction: `call ‖ extensions` without the call's length prefix, and its
 * blake2-256 when longer than 256 bytes. polkadot.js does this in `sign` of
 * @polkadot/types/extrinsic/util.js (`u8a.length > 256 ? blake2AsU8a(u8a) : u8a`), called by
 * `GenericExtrinsicPayloadV4.sign` with `toU8a({ method: true })`, the bare method; the runtime
 * (sp_runtime's `SignedPayload::using_encoded`) checks the same rule.
 */
export function bytesToSign(payload: Uint8Array): Uint8Array {
  const { callStart } = callBounds(payload);
  const unprefixed = payload.slice(callStart);
  return unprefixed.length > 256 ? blake2AsU8a(unprefixed, 256) : unprefixed;
}

function callBounds(payload: Uint8Array): { callStart: number; callEnd: number } {
  const reader = new ScaleReader(payload);
  let length: bigint;
  try {
    length = reader.compact();
  } catch {
    throw new UserError('the transaction does not start with its call’s length', RESEND_HINT);
  }
  if (length > BigInt(reader.remaining))
    throw new UserError(
      `the transaction says its call is ${length} bytes, but ${reader.remaining} bytes follow`,
      RESEND_HINT,
    );
  return { callStart: reader.offset, callEnd: reader.offset + Number(length) };
}

function readExtensions(
  payload: Uint8Array,
  callEnd: number,
  context: DecodeContext,
  specVersion: number,
): ExtensionsView {
  const reader = new ScaleReader(payload, callEnd);
  const hint = `the transaction may be for another runtime than spec ${specVersion}: add the metadata for its spec with \`airlock metadata add FILE\``;
  let extensions: ExtensionsView;
  try {
    extensions = decodeExtensions(reader, context);
  } catch (error) {
    if (error instanceof ScaleError)
      throw new UserError(`the transaction’s extensions do not match the metadata: ${error.message}`, hint);
    throw error;
  }
  if (reader.remaining > 0)
    throw new UserError(`the transaction has ${reader.remaining} bytes after its extensions`, hint);
  return extensions;
}

function readCall(
  payload: Uint8Array,
  callStart: number,
  callEnd: number,
  context: DecodeContext,
  specVersion: number,
): TransactionView['call'] {
  const reader = new ScaleReader(payload, callStart, callEnd);
  const hint = `check that the metadata is the chain’s spec ${specVersion}, and make the request again`;
  try {
    const call = decodeCall(reader, context, 0);
    if (reader.remaining > 0)
      throw new UserError(
        `the call is ${callEnd - callStart} bytes, but its arguments end after ${reader.offset - callStart}`,
        hint,
      );
    return call;
  } catch (error) {
    if (error instanceof UnknownCallError)
      throw new UserError(`the call index ${error.callIndex} is not in the metadata for spec ${specVersion}`, hint);
    if (error instanceof ScaleError)
      throw new UserError(`the call does not match the metadata for spec ${specVersion}: ${error.message}`, hint);
    throw error;
  }
}

interface RuntimeVersion {
  specVersion: number;
  transactionVersion: number;
}

/** The versions the metadata is for, from its `System` pallet's `Version` constant. */
function runtimeVersionOf(metadata: ChainMetadata, context: DecodeContext): RuntimeVersion {
  const hint = 'add the metadata again with `airlock metadata add FILE`, from what the chain’s node returns';
  const constant = metadata.runtimeVersion;
  if (constant === undefined) throw new UserError('the metadata does not say its runtime version', hint);
  let version;
  try {
    const field = { name: undefined, typeName: undefined, type: constant.type };
    version = decodeValue(new ScaleReader(constant.value), field, context, { calls: 0, types: 0, nativeAmounts: true });
  } catch (error) {
    if (error instanceof ScaleError) throw new UserError('the metadata’s runtime version could not be read', hint);
    throw error;
  }
  const numberOf = (name: string): number => {
    const value = version.kind === 'fields' ? version.fields.find((field) => field.name === name)?.value : undefined;
    if (value?.kind !== 'text' || !/^\d+$/u.test(value.text))
      throw new UserError('the metadata does not say its runtime version', hint);
    return Number(value.text);
  };
  return { specVersion: numberOf('spec_version'), transactionVersion: numberOf('transaction_version') };
}

/** The transaction is for another runtime than the metadata given: the caller may have that runtime's. */
export class SpecVersionMismatch extends UserError {
  override readonly name = 'SpecVersionMismatch';
}
