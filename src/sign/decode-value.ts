/**
 * A value of a chain's call, walked by its metadata type so that every part has its name: the
 * pallet and call, each argument, an account in the chain's format, an amount in its token.
 * The walk is bounded (values, nesting), so a hostile request cannot make it run long.
 */
import { UserError } from '../errors.js';
import type { ChainMetadata, FieldShape, TypeShape } from './chain-metadata.js';
import type { ScaleReader } from './scale-reader.js';
import { ScaleError } from './scale-reader.js';
import { bitsView, PER_THINGS, percentText, primitiveView, unsignedView } from './decode-primitive.js';
import type { CallView, ChainView, FieldView, NameOf, ValueView } from './view.js';
import { accountView, bytesText } from './view.js';

/** More values than any real transaction has (a batch of a few hundred transfers is ~2,000). */
export const MAX_VALUES = 10_000;
/** Calls inside calls: a proxy's batch of a multisig's call is 3. */
export const MAX_CALL_DEPTH = 8;
/** Types inside types: the deepest XCM location in a real call is about 15. */
const MAX_TYPE_DEPTH = 64;

const TOO_MUCH_HINT = 'airlock does not sign what it cannot show: split the transaction into smaller ones';

/** A call whose pallet or call index the metadata does not hold. */
export class UnknownCallError extends ScaleError {
  constructor(readonly callIndex: string) {
    super(`the call index ${callIndex} is not in the metadata`);
  }
}

export interface DecodeContext {
  metadata: ChainMetadata;
  chain: ChainView;
  nameOf: NameOf;
  /** Values decoded so far, shared by the whole request. */
  values: number;
}

export function decodeCall(reader: ScaleReader, context: DecodeContext, callDepth: number): CallView {
  if (callDepth > MAX_CALL_DEPTH)
    throw new UserError(`the transaction nests calls more than ${MAX_CALL_DEPTH} deep`, TOO_MUCH_HINT);
  countValue(context);
  const palletIndex = reader.u8();
  const callIndex = reader.u8();
  const index = `0x${Buffer.from([palletIndex, callIndex]).toString('hex')}`;
  const found = callOf(context.metadata, palletIndex, callIndex);
  if (found === undefined) throw new UnknownCallError(index);
  const { pallet, call, crate } = found;
  const nativeAmounts = !holdsOtherTokens(crate);
  const args = call.fields.map((field, position) => ({
    name: field.name ?? String(position),
    value: decodeValue(reader, field, context, { calls: callDepth, types: 0, nativeAmounts }),
  }));
  return { pallet: pallet.name, name: call.name, args };
}

export interface Depth {
  calls: number;
  types: number;
  /** Whether a balance-typed number is of the chain's own token: not in a pallet of other tokens. */
  nativeAmounts: boolean;
}

/**
 * Pallets whose `T::Balance` is an amount of another token (an asset, a pool's share, a
 * foreign currency): shown in the chain's token, 2.5 USDT would read as 0.00025 DOT.
 */
const OTHER_TOKENS = /asset|token|currenc/u;

function holdsOtherTokens(crate: string | undefined): boolean {
  return crate !== undefined && OTHER_TOKENS.test(crate);
}

/** A value of the field's type; the field's type name says whether a number is an amount. */
export function decodeValue(reader: ScaleReader, field: FieldShape, context: DecodeContext, depth: Depth): ValueView {
  countValue(context);
  if (depth.types > MAX_TYPE_DEPTH)
    throw new UserError(`the transaction nests values more than ${MAX_TYPE_DEPTH} deep`, TOO_MUCH_HINT);
  const inner = { ...depth, types: depth.types + 1 };
  const typeName = depth.nativeAmounts ? field.typeName : undefined;
  const { metadata } = context;
  if (field.type === metadata.callType) return { kind: 'call', call: decodeCall(reader, context, depth.calls + 1) };
  const shape = metadata.typeOf(field.type);
  switch (shape.kind) {
    case 'composite':
      return compositeView(reader, shape, field, context, inner);
    case 'variant':
      return variantView(reader, shape, context, inner);
    case 'sequence':
      return sequenceView(reader, shape.of, reader.length(), context, inner);
    case 'array':
      return sequenceView(reader, shape.of, shape.length, context, inner);
    case 'tuple':
      if (shape.of.length === 0) return { kind: 'text', text: '()' };
      return { kind: 'list', items: shape.of.map((type) => decodeValue(reader, unnamed(type), context, inner)) };
    case 'primitive':
      return primitiveView(reader, shape.name, typeName, context.chain);
    case 'compact':
      return compactView(reader, shape.of, typeName, context);
    case 'bits':
      return bitsView(reader, metadata.typeOf(shape.store));
  }
}

function compositeView(
  reader: ScaleReader,
  shape: Extract<TypeShape, { kind: 'composite' }>,
  field: FieldShape,
  context: DecodeContext,
  depth: Depth,
): ValueView {
  const name = shape.path.at(-1);
  if (name === 'AccountId32' || name === 'AccountId20') {
    const length = name === 'AccountId32' ? 32 : 20;
    return accountView(reader.take(length).slice(), context.chain, context.nameOf);
  }
  const hashLength = HASHES.test(name ?? '') ? u8ArrayLength(context.metadata, shape.fields) : undefined;
  if (hashLength !== undefined)
    return { kind: 'text', text: `0x${Buffer.from(reader.take(hashLength)).toString('hex')}` };
  const percent = PER_THINGS[name ?? ''];
  if (percent !== undefined && shape.fields.length === 1) {
    const parts = decodeValue(reader, shape.fields[0]!, context, depth);
    return parts.kind === 'text' && /^\d+$/u.test(parts.text)
      ? { kind: 'text', text: percentText(BigInt(parts.text), percent) }
      : parts;
  }
  if (shape.fields.length === 0) return { kind: 'text', text: '()' };
  // A wrapper of one value (`struct Weight(u64)`) reads as the value, under the outer field's name.
  if (shape.fields.length === 1 && shape.fields[0]!.name === undefined)
    return decodeValue(
      reader,
      { ...shape.fields[0]!, typeName: shape.fields[0]!.typeName ?? field.typeName },
      context,
      depth,
    );
  return { kind: 'fields', fields: fieldViews(reader, shape.fields, context, depth) };
}

/** primitive_types' hashes: always hex, as 32 bytes that happen to be text would read as something else. */
const HASHES = /^H(?:160|256|512)$/u;

function u8ArrayLength(metadata: ChainMetadata, fields: FieldShape[]): number | undefined {
  const array = fields.length === 1 ? metadata.typeOf(fields[0]!.type) : undefined;
  if (array?.kind !== 'array') return undefined;
  const element = metadata.typeOf(array.of);
  return element.kind === 'primitive' && element.name === 'u8' ? array.length : undefined;
}

function variantView(
  reader: ScaleReader,
  shape: Extract<TypeShape, { kind: 'variant' }>,
  context: DecodeContext,
  depth: Depth,
): ValueView {
  const index = reader.u8();
  const variant = shape.variants.get(index);
  if (variant === undefined) throw new ScaleError(`${shape.path.join('::') || 'an enum'} has no variant ${index}`);
  const kind = shape.path.at(-1);
  // Option's Some and an address's Id read as what they hold: `None` or the value, the account.
  const only = variant.fields.length === 1 ? variant.fields[0] : undefined;
  if (only && ((kind === 'Option' && variant.name === 'Some') || (kind === 'MultiAddress' && variant.name === 'Id')))
    return decodeValue(reader, only, context, depth);
  if (variant.fields.length === 0) return { kind: 'text', text: variant.name };
  return { kind: 'fields', variant: variant.name, fields: fieldViews(reader, variant.fields, context, depth) };
}

function fieldViews(reader: ScaleReader, fields: FieldShape[], context: DecodeContext, depth: Depth): FieldView[] {
  return fields.map((field, position) => ({
    name: field.name ?? String(position),
    value: decodeValue(reader, field, context, depth),
  }));
}

function sequenceView(reader: ScaleReader, of: number, count: number, context: DecodeContext, depth: Depth): ValueView {
  const element = context.metadata.typeOf(of);
  if (element.kind === 'primitive' && element.name === 'u8')
    return { kind: 'text', text: bytesText(reader.take(count)) };
  if (of === context.metadata.callType) {
    const calls: CallView[] = [];
    for (let index = 0; index < count; index++) calls.push(decodeCall(reader, context, depth.calls + 1));
    return { kind: 'calls', calls };
  }
  const items: ValueView[] = [];
  for (let index = 0; index < count; index++) items.push(decodeValue(reader, unnamed(of), context, depth));
  return { kind: 'list', items };
}

function compactView(reader: ScaleReader, of: number, typeName: string | undefined, context: DecodeContext): ValueView {
  const value = reader.compact();
  const inner = context.metadata.typeOf(of);
  const percent = inner.kind === 'composite' ? PER_THINGS[inner.path.at(-1) ?? ''] : undefined;
  if (percent !== undefined) return { kind: 'text', text: percentText(value, percent) };
  return unsignedView(value, typeName, context.chain);
}

/** A call without arguments is a value too: a batch of a million of them is refused like any other. */
function countValue(context: DecodeContext): void {
  if (++context.values > MAX_VALUES)
    throw new UserError(`the transaction holds more than ${MAX_VALUES.toLocaleString('en-US')} values`, TOO_MUCH_HINT);
}

/** The pallet (a variant of the runtime's call enum) and its call, with the crate the pallet comes from. */
function callOf(metadata: ChainMetadata, palletIndex: number, callIndex: number) {
  const runtimeCall = metadata.typeOf(metadata.callType);
  const pallet = runtimeCall.kind === 'variant' ? runtimeCall.variants.get(palletIndex) : undefined;
  if (pallet?.fields.length !== 1) return undefined;
  const calls = metadata.typeOf(pallet.fields[0]!.type);
  const call = calls.kind === 'variant' ? calls.variants.get(callIndex) : undefined;
  return call && calls.kind === 'variant' ? { pallet, call, crate: calls.path[0] } : undefined;
}

const unnamed = (type: number): FieldShape => ({ name: undefined, typeName: undefined, type });
