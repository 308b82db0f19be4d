/**
 * Reading SCALE-encoded bytes from a request, one value at a time, never past the end it is
 * given. What does not fit throws a `ScaleError`; the decoders turn it into one message saying
 * which part of the request was wrong.
 */

/** The bytes do not hold what the type says they hold. */
export class ScaleError extends Error {
  override readonly name = 'ScaleError';
}

export class ScaleReader {
  #offset: number;

  constructor(
    private readonly bytes: Uint8Array,
    start = 0,
    private readonly end = bytes.length,
  ) {
    this.#offset = start;
  }

  get offset(): number {
    return this.#offset;
  }

  get remaining(): number {
    return this.end - this.#offset;
  }

  /** The bytes read since `start`, copied. */
  bytesFrom(start: number): Uint8Array {
    return this.bytes.slice(start, this.#offset);
  }

  u8(): number {
    return this.take(1)[0]!;
  }

  /** `length` bytes, as a view of the request: copy before keeping them past the request. */
  take(length: number): Uint8Array {
    if (length > this.remaining) throw new ScaleError(`${length} bytes were expected where ${this.remaining} are left`);
    const taken = this.bytes.subarray(this.#offset, this.#offset + length);
    this.#offset += length;
    return taken;
  }

  /** An unsigned little-endian integer of `length` bytes. */
  unsigned(length: number): bigint {
    const bytes = this.take(length);
    let value = 0n;
    for (let index = length - 1; index >= 0; index--) value = (value << 8n) | BigInt(bytes[index]!);
    return value;
  }

  /** A signed (two's complement) little-endian integer of `length` bytes. */
  signed(length: number): bigint {
    return BigInt.asIntN(length * 8, this.unsigned(length));
  }

  /**
   * A SCALE compact integer. Only the shortest encoding is accepted, as the chain's decoder
   * accepts only it: a longer one would show a value the chain refuses.
   */
  compact(): bigint {
    const mode = this.bytes[this.#offset];
    if (mode === undefined) throw new ScaleError('a compact number was expected where the bytes end');
    switch (mode & 0b11) {
      case 0b00:
        return this.unsigned(1) >> 2n;
      case 0b01:
        return this.shortest(this.unsigned(2) >> 2n, 1n << 6n);
      case 0b10:
        return this.shortest(this.unsigned(4) >> 2n, 1n << 14n);
      default: {
        const length = (mode >> 2) + 4;
        this.#offset += 1;
        return this.shortest(this.unsigned(length), length === 4 ? 1n << 30n : 1n << BigInt((length - 1) * 8));
      }
    }
  }

  /** A compact number used as a length or a count, which must fit the bytes left to be true. */
  length(): number {
    const length = this.compact();
    if (length > BigInt(this.remaining))
      throw new ScaleError(`a length of ${length} was given where ${this.remaining} bytes are left`);
    return Number(length);
  }

  private shortest(value: bigint, least: bigint): bigint {
    if (value < least) throw new ScaleError(`the compact number ${value} is not in its shortest form`);
    return value;
  }
}
