import { UserError } from '../errors.js';

/** Why a transaction was refused when its bytes ran out or were not what its types say. */
export const UNDECODABLE_HINT =
  'the wallet that made the request and the proof it sent disagree: make the request again from an up-to-date wallet';

/** Reads SCALE values from bytes that came from outside: every read is bounded by what is there. */
export class ProofReader {
  private offset = 0;
  constructor(
    private readonly bytes: Uint8Array,
    /** What the bytes are, for the refusal: `the call`, `the extensions`. */
    private readonly what: string,
    private readonly hint: string = UNDECODABLE_HINT,
  ) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  get position(): number {
    return this.offset;
  }

  take(length: number): Uint8Array {
    if (length > this.remaining) {
      throw new UserError(`the request is cut short: ${this.what} ends early`, this.hint);
    }
    const taken = this.bytes.slice(this.offset, this.offset + length);
    this.offset += length;
    return taken;
  }

  u8(): number {
    return this.take(1)[0]!;
  }

  /** A little-endian unsigned integer of `size` bytes. */
  unsigned(size: number): bigint {
    const bytes = this.take(size);
    let value = 0n;
    for (let i = size - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i]!);
    return value;
  }

  /** A little-endian two's-complement integer of `size` bytes. */
  signed(size: number): bigint {
    return BigInt.asIntN(size * 8, this.unsigned(size));
  }

  /** A SCALE compact integer, refused when wider than `maxBytes` or not in its shortest form. */
  compact(maxBytes = 16): bigint {
    const first = this.u8();
    const mode = first & 3;
    if (mode === 0) return BigInt(first >> 2);
    if (mode === 1) return this.checkedCompact((BigInt(first) | (BigInt(this.u8()) << 8n)) >> 2n, 1n << 6n);
    if (mode === 2) {
      const rest = this.unsigned(3);
      return this.checkedCompact((BigInt(first) | (rest << 8n)) >> 2n, 1n << 14n);
    }
    const length = (first >> 2) + 4;
    if (length > maxBytes) this.refuse('a number wider than its type');
    return this.checkedCompact(this.unsigned(length), length === 4 ? 1n << 30n : 1n << BigInt(8 * (length - 1)));
  }

  /** A length or count: a compact that must fit what the rest of the bytes could hold. */
  count(): number {
    const value = this.compact(4);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) this.refuse('a length beyond the bytes');
    return Number(value);
  }

  /** Refuses: the bytes are not what the types say. */
  refuse(detail: string): never {
    throw new UserError(`${this.what} cannot be read: ${detail}`, this.hint);
  }

  // The shortest form is the only one: two readings of the same bytes cannot differ.
  private checkedCompact(value: bigint, least: bigint): bigint {
    if (value < least) this.refuse('a number not in its shortest form');
    return value;
  }
}
