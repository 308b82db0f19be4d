/**
 * Values decoded from a proof's types, put as a person reads them. A proof's types carry no
 * meaning beyond their shape, so an account is told by its type's path and an amount of the
 * chain's token by the type name its field is declared with, as Polkadot Vault tells them.
 */
import { printable } from '../printable.js';
import type { Decoded, DecodedField } from './proof-decode.js';
import { accountView, balanceView, bytesText, isBalanceTypeName } from './view.js';
import type { CallView, ChainView, FieldView, NameOf, ValueView } from './view.js';

export interface ViewContext {
  chain: ChainView;
  nameOf: NameOf;
  /** The id of the runtime's call type: a value of it is a call, shown as one. */
  callTypeId: number | undefined;
}

/** A call: the outer variant names the pallet, the inner one the call, its fields the arguments. */
export function callView(value: Decoded, context: ViewContext): CallView | undefined {
  if (value.kind !== 'variant' || value.typeId !== context.callTypeId) return undefined;
  const inner = value.fields.length === 1 ? value.fields[0]!.value : undefined;
  if (inner?.kind !== 'variant') return undefined;
  return {
    pallet: printable(value.name),
    name: printable(inner.name),
    args: inner.fields.map((field, i) => fieldView(field, i, context)),
  };
}

export function fieldView(field: DecodedField, position: number, context: ViewContext): FieldView {
  const name = printable(field.name ?? String(position));
  if (field.value.kind === 'int' && isBalanceTypeName(field.typeName)) {
    return { name, value: balanceView(field.value.value, context.chain) };
  }
  return { name, value: valueView(field.value, context) };
}

export function valueView(value: Decoded, context: ViewContext): ValueView {
  switch (value.kind) {
    case 'int':
      return { kind: 'text', text: value.value.toString() };
    case 'bool':
      return { kind: 'text', text: String(value.value) };
    case 'str':
      return { kind: 'text', text: printable(value.value) };
    case 'bytes':
      return { kind: 'text', text: value.fixed ? hex(value.value) : bytesText(value.value) };
    case 'void':
      return { kind: 'text', text: '' };
    case 'bits':
      return { kind: 'text', text: `0b${value.value}` };
    case 'items':
      return itemsView(value.items, context);
    case 'composite':
      return compositeView(value, context);
    case 'variant':
      return variantView(value, context);
  }
}

function itemsView(items: Decoded[], context: ViewContext): ValueView {
  const calls = items.map((item) => callView(item, context));
  if (calls.length > 0 && calls.every((call) => call !== undefined)) return { kind: 'calls', calls };
  return { kind: 'list', items: items.map((item) => valueView(item, context)) };
}

function compositeView(value: Extract<Decoded, { kind: 'composite' }>, context: ViewContext): ValueView {
  const account = accountBytes(value);
  if (account) return accountView(account, context.chain, context.nameOf);
  // A wrapper of one value (a newtype, a `Compact<T>` struct) reads as the value.
  if (value.fields.length === 1 && value.fields[0]!.name === undefined)
    return fieldView(value.fields[0]!, 0, context).value;
  if (value.fields.every((field) => field.name === undefined)) {
    return { kind: 'list', items: value.fields.map((field, i) => fieldView(field, i, context).value) };
  }
  return { kind: 'fields', fields: value.fields.map((field, i) => fieldView(field, i, context)) };
}

function variantView(value: Extract<Decoded, { kind: 'variant' }>, context: ViewContext): ValueView {
  const call = callView(value, context);
  if (call) return { kind: 'call', call };
  const typeName = value.path.at(-1);
  // `MultiAddress::Id` and `Some` say nothing a person needs: the account, the value, is shown.
  if ((typeName === 'MultiAddress' && value.name === 'Id') || (typeName === 'Option' && value.name === 'Some')) {
    if (value.fields.length === 1) return fieldView(value.fields[0]!, 0, context).value;
  }
  if (value.fields.length === 0) return { kind: 'text', text: printable(value.name) };
  return {
    kind: 'fields',
    variant: printable(value.name),
    fields: value.fields.map((field, i) => fieldView(field, i, context)),
  };
}

/** The 32 bytes of an `AccountId32` (or 20 of an `AccountId20`), when the value is one. */
function accountBytes(value: Extract<Decoded, { kind: 'composite' }>): Uint8Array | undefined {
  const typeName = value.path.at(-1);
  const size = typeName === 'AccountId32' ? 32 : typeName === 'AccountId20' ? 20 : undefined;
  const only = value.fields.length === 1 ? value.fields[0]!.value : undefined;
  return only?.kind === 'bytes' && only.value.length === size ? only.value : undefined;
}

const hex = (bytes: Uint8Array): string => `0x${Buffer.from(bytes).toString('hex')}`;
