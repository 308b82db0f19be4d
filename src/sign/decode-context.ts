/**
 * What one walk over a transaction's values shares, and the limits on it: the same for both
 * routes (stored metadata, a metadata proof), so a transaction one refuses the other refuses too.
 */
import { UserError } from '../errors.js';
import { ScaleError } from './scale-reader.js';
import type { FieldShape, TypeResolver } from './type-resolver.js';
import type { ChainView, NameOf } from './view.js';

/*
 * The limits on one transaction, for both routes. Each is far beyond a real transaction and
 * keeps a hostile one to milliseconds:
 * - values: a batch of a few hundred transfers is ~2,000; a call without arguments counts too;
 * - calls inside calls: a proxy's batch of a multisig's call is 3;
 * - types inside types, per call: the deepest XCM location in a real call is about 15;
 * - a `str`'s bytes (and a message's, in message.ts): a page or two a person can read.
 */
export const MAX_VALUES = 10_000;
export const MAX_CALL_DEPTH = 8;
export const MAX_TYPE_DEPTH = 48;
export const MAX_TEXT_BYTES = 64 * 1024;

export const TOO_MUCH_HINT = 'airlock does not sign what it cannot show: split the transaction into smaller ones';

/** A call whose pallet or call index the types do not hold. */
export class UnknownCallError extends ScaleError {
  constructor(readonly callIndex: string) {
    super(`the call index ${callIndex} is not in the metadata`);
  }
}

export interface DecodeContext<Ref> {
  types: TypeResolver<Ref>;
  chain: ChainView;
  nameOf: NameOf;
  /** Values decoded so far, shared by the whole request. */
  values: number;
}

export interface Depth {
  calls: number;
  types: number;
  /** Whether a balance-typed number is of the chain's own token: not in a pallet of other tokens. */
  nativeAmounts: boolean;
}

export const TOP: Depth = { calls: 0, types: 0, nativeAmounts: true };

/** A value of a type with no field around it: an extension's, a constant's. */
export const unnamed = <Ref>(type: Ref): FieldShape<Ref> => ({ name: undefined, typeName: undefined, type });

/** A call without arguments is a value too: a batch of a million of them is refused like any other. */
export function countValue<Ref>(context: DecodeContext<Ref>): void {
  if (++context.values > MAX_VALUES) tooManyValues();
}

export function tooManyValues(): never {
  throw new UserError(`the transaction holds more than ${MAX_VALUES.toLocaleString('en-US')} values`, TOO_MUCH_HINT);
}
