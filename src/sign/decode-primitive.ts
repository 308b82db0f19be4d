/**
 * The leaf values of a chain's types: numbers (amounts among them), flags, characters, text,
 * bit sequences, and the fractions sp_arithmetic keeps as integers.
 */
import { printable } from '../printable.js';
import type { TypeShape } from './chain-metadata.js';
import type { ScaleReader } from './scale-reader.js';
import { ScaleError } from './scale-reader.js';
import type { ChainView, ValueView } from './view.js';
import { balanceView, isBalanceTypeName } from './view.js';

const INTEGER_BYTES: Readonly<Record<string, number>> = {
  u8: 1,
  u16: 2,
  u32: 4,
  u64: 8,
  u128: 16,
  u256: 32,
  i8: 1,
  i16: 2,
  i32: 4,
  i64: 8,
  i128: 16,
  i256: 32,
};

export function primitiveView(
  reader: ScaleReader,
  name: string,
  typeName: string | undefined,
  chain: ChainView,
): ValueView {
  const bytes = INTEGER_BYTES[name];
  if (bytes !== undefined)
    return name.startsWith('u')
      ? unsignedView(reader.unsigned(bytes), typeName, chain)
      : { kind: 'text', text: reader.signed(bytes).toString() };
  switch (name) {
    case 'bool':
      return { kind: 'text', text: boolean(reader.u8()) };
    case 'char':
      return { kind: 'text', text: printable(character(Number(reader.unsigned(4)))) };
    case 'str':
      return { kind: 'text', text: printable(utf8(reader.take(reader.length()))) };
    default:
      throw new ScaleError(`the primitive type ${name} is not one airlock reads`);
  }
}

/** A number, shown as an amount of the chain's token when its field's type is a balance. */
export function unsignedView(value: bigint, typeName: string | undefined, chain: ChainView): ValueView {
  return isBalanceTypeName(typeName) ? balanceView(value, chain) : { kind: 'text', text: value.toString() };
}

function boolean(byte: number): string {
  if (byte > 1) throw new ScaleError(`${byte} is not a boolean`);
  return byte === 1 ? 'true' : 'false';
}

function character(code: number): string {
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new ScaleError(`${code} is not a character`);
  return String.fromCodePoint(code);
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ScaleError('a text is not UTF-8');
  }
}

export function bitsView(reader: ScaleReader, store: TypeShape): ValueView {
  const bits = reader.compact();
  const storeBytes = store.kind === 'primitive' ? BIT_STORE_BYTES[store.name] : undefined;
  if (storeBytes === undefined) throw new ScaleError('a bit sequence is stored in a type airlock does not read');
  const words = (bits + BigInt(storeBytes * 8) - 1n) / BigInt(storeBytes * 8);
  if (words * BigInt(storeBytes) > BigInt(reader.remaining))
    throw new ScaleError(`${bits} bits do not fit the bytes left`);
  const bytes = reader.take(Number(words) * storeBytes);
  return { kind: 'text', text: `${bits} bits 0x${Buffer.from(bytes).toString('hex')}` };
}

const BIT_STORE_BYTES: Readonly<Record<string, number>> = { u8: 1, u16: 2, u32: 4, u64: 8 };

/** sp_arithmetic's fixed fractions: how many decimals of a percent each one's integer holds. */
export const PER_THINGS: Readonly<Record<string, number>> = { Percent: 0, Permill: 4, Perbill: 7, Perquintill: 16 };

export function percentText(value: bigint, decimals: number): string {
  const digits = value.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/u, '');
  return `${whole}${fraction ? `.${fraction}` : ''}%`;
}
