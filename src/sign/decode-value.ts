/**
 * A value of a chain's call, walked by its types so that every part has its name: the pallet
 * and call, each argument, an account in the chain's format, an amount in its token. The types
 * come from a `TypeResolver`, the full metadata's or a proof's: one walker, so a transaction
 * reads the same whichever the request came with. The walk is bounded (see the limits below),
 * so a hostile request cannot make it run long.
 */
import { UserError } from '../errors.js';
import type { DecodeContext, Depth } from './decode-context.js';
import {
  countValue,
  MAX_CALL_DEPTH,
  MAX_TYPE_DEPTH,
  MAX_VALUES,
  TOO_MUCH_HINT,
  tooManyValues,
  UnknownCallError,
  unnamed,
} from './decode-context.js';
import { bitsView, compactView, PER_THINGS, percentText, primitiveView } from './decode-primitive.js';
import type { ScaleReader } from './scale-reader.js';
import { ScaleError } from './scale-reader.js';
import type { FieldShape, TypeResolver, TypeShape } from './type-resolver.js';
import type { CallView, FieldView, ValueView } from './view.js';
import { accountView, bytesText } from './view.js';

export function decodeCall<Ref>(reader: ScaleReader, type: Ref, context: DecodeContext<Ref>, calls: number): CallView {
  if (calls > MAX_CALL_DEPTH)
    throw new UserError(`the transaction nests calls more than ${MAX_CALL_DEPTH} deep`, TOO_MUCH_HINT);
  countValue(context);
  // Both indices are read first, so that an unknown call is named by both.
  const palletIndex = reader.u8();
  const callIndex = reader.u8();
  const runtimeCall = context.types.shape(type);
  const pallet = runtimeCall.kind === 'variant' ? runtimeCall.variant(palletIndex) : undefined;
  const callEnum = pallet?.fields.length === 1 ? context.types.shape(pallet.fields[0]!.type) : undefined;
  const call = callEnum?.kind === 'variant' ? callEnum.variant(callIndex) : undefined;
  if (pallet === undefined || call === undefined || callEnum?.kind !== 'variant')
    throw new UnknownCallError(`0x${Buffer.from([palletIndex, callIndex]).toString('hex')}`);
  const depth = { calls, types: 0, nativeAmounts: !holdsOtherTokens(callEnum.path[0]) };
  return { pallet: pallet.name, name: call.name, args: fieldViews(reader, call.fields, context, depth) };
}

/**
 * Pallets whose `T::Balance` is an amount of another token (an asset, a pool's share, a foreign
 * currency), told by the crate of the pallet's call enum: shown in the chain's token, 2.5 USDT
 * would read as 0.00025 DOT.
 */
const OTHER_TOKENS = /asset|token|currenc/u;

const holdsOtherTokens = (crate: string | undefined): boolean => crate !== undefined && OTHER_TOKENS.test(crate);

/** A value of the field's type; the field's type name says whether a number is an amount. */
export function decodeValue<Ref>(
  reader: ScaleReader,
  field: FieldShape<Ref>,
  context: DecodeContext<Ref>,
  depth: Depth,
): ValueView {
  countValue(context);
  if (depth.types > MAX_TYPE_DEPTH)
    throw new UserError(`the transaction nests values more than ${MAX_TYPE_DEPTH} deep`, TOO_MUCH_HINT);
  const inner = { ...depth, types: depth.types + 1 };
  const typeName = depth.nativeAmounts ? field.typeName : undefined;
  const { types } = context;
  if (types.isCall(field.type)) return { kind: 'call', call: decodeCall(reader, field.type, context, depth.calls + 1) };
  const shape = types.shape(field.type);
  switch (shape.kind) {
    case 'composite':
      return compositeView(reader, shape, field, context, inner);
    case 'variant':
      return variantView(reader, shape, context, inner);
    case 'sequence':
      return sequenceView(reader, shape.of, sequenceLength(reader, context, shape.of), false, context, inner);
    case 'array':
      return sequenceView(reader, shape.of, shape.length, true, context, inner);
    case 'tuple':
      if (shape.of.length === 0) return { kind: 'text', text: '()' };
      return { kind: 'list', items: shape.of.map((type) => decodeValue(reader, unnamed(type), context, inner)) };
    case 'primitive':
      return primitiveView(reader, shape.name, typeName, context.chain);
    case 'compact':
      return compactView(
        reader,
        types.shape(shape.of),
        { typeName: field.typeName, amounts: depth.nativeAmounts },
        context.chain,
      );
    case 'bits':
      return bitsView(reader, shape.storeBytes);
  }
}

function compositeView<Ref>(
  reader: ScaleReader,
  shape: Extract<TypeShape<Ref>, { kind: 'composite' }>,
  field: FieldShape<Ref>,
  context: DecodeContext<Ref>,
  depth: Depth,
): ValueView {
  const name = shape.path.at(-1) ?? '';
  const accountLength = ACCOUNTS[name];
  if (accountLength !== undefined && byteArrayLength(context.types, shape.fields) === accountLength)
    return accountView(reader.take(accountLength).slice(), context.chain, context.nameOf);
  const percent = PER_THINGS[name];
  if (percent !== undefined && shape.fields.length === 1) {
    const parts = decodeValue(reader, shape.fields[0]!, context, depth);
    return parts.kind === 'text' && /^\d+$/u.test(parts.text)
      ? { kind: 'text', text: percentText(BigInt(parts.text), percent) }
      : parts;
  }
  if (shape.fields.length === 0) return { kind: 'text', text: '()' };
  // A wrapper of one value (`struct Weight(u64)`, `H256([u8; 32])`) reads as the value, under the outer field's name.
  const only = shape.fields.length === 1 ? shape.fields[0]! : undefined;
  if (only !== undefined && only.name === undefined)
    return decodeValue(reader, { ...only, typeName: only.typeName ?? field.typeName }, context, depth);
  return { kind: 'fields', fields: fieldViews(reader, shape.fields, context, depth) };
}

/** Account ids by their type's name, and the bytes each holds. */
const ACCOUNTS: Readonly<Record<string, number>> = { AccountId32: 32, AccountId20: 20 };

/** The N of a struct that is one `[u8; N]`. */
function byteArrayLength<Ref>(types: TypeResolver<Ref>, fields: FieldShape<Ref>[]): number | undefined {
  const array = fields.length === 1 ? types.shape(fields[0]!.type) : undefined;
  if (array?.kind !== 'array') return undefined;
  const element = types.shape(array.of);
  return element.kind === 'primitive' && element.name === 'u8' ? array.length : undefined;
}

function variantView<Ref>(
  reader: ScaleReader,
  shape: Extract<TypeShape<Ref>, { kind: 'variant' }>,
  context: DecodeContext<Ref>,
  depth: Depth,
): ValueView {
  const index = reader.u8();
  const variant = shape.variant(index);
  if (variant === undefined) throw new ScaleError(`${shape.path.join('::') || 'an enum'} has no variant ${index}`);
  const kind = shape.path.at(-1);
  // Option's Some and an address's Id read as what they hold: `None` or the value, the account.
  const only = variant.fields.length === 1 ? variant.fields[0] : undefined;
  if (only && ((kind === 'Option' && variant.name === 'Some') || (kind === 'MultiAddress' && variant.name === 'Id')))
    return decodeValue(reader, only, context, depth);
  if (variant.fields.length === 0) return { kind: 'text', text: variant.name };
  return { kind: 'fields', variant: variant.name, fields: fieldViews(reader, variant.fields, context, depth) };
}

function fieldViews<Ref>(
  reader: ScaleReader,
  fields: FieldShape<Ref>[],
  context: DecodeContext<Ref>,
  depth: Depth,
): FieldView[] {
  return fields.map((field, position) => ({
    name: field.name ?? String(position),
    value: decodeValue(reader, field, context, depth),
  }));
}

/** A sequence's count: bytes must be there; other items are bounded by the value count, at once. */
function sequenceLength<Ref>(reader: ScaleReader, context: DecodeContext<Ref>, of: Ref): number {
  if (isByte(context.types, of)) return reader.length();
  const count = reader.compact(4);
  if (BigInt(context.values) + count > BigInt(MAX_VALUES)) tooManyValues();
  return Number(count);
}

/** `fixed` for an array: `[u8; N]` is a hash, a key, an id, shown as hex, as its text would mislead. */
function sequenceView<Ref>(
  reader: ScaleReader,
  of: Ref,
  count: number,
  fixed: boolean,
  context: DecodeContext<Ref>,
  depth: Depth,
): ValueView {
  if (isByte(context.types, of)) {
    const bytes = reader.take(count);
    return { kind: 'text', text: fixed ? hexOf(bytes) : bytesText(bytes) };
  }
  if (context.types.isCall(of)) {
    const calls: CallView[] = [];
    for (let index = 0; index < count; index++) calls.push(decodeCall(reader, of, context, depth.calls + 1));
    return { kind: 'calls', calls };
  }
  const items: ValueView[] = [];
  for (let index = 0; index < count; index++) items.push(decodeValue(reader, unnamed(of), context, depth));
  return { kind: 'list', items };
}

function isByte<Ref>(types: TypeResolver<Ref>, type: Ref): boolean {
  const shape = types.shape(type);
  return shape.kind === 'primitive' && shape.name === 'u8';
}

const hexOf = (bytes: Uint8Array): string => `0x${Buffer.from(bytes).toString('hex')}`;
