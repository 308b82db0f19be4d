import { getCRC, type FountainEncoderPart } from './bc-ur.js';
import { fragmentsOfPart } from './fountain-fragments.js';

/** One equation: the XOR of the fragments whose bits are set in `fragments` is `data`. */
interface Row {
  fragments: Uint32Array;
  data: Uint8Array;
}

/**
 * Solves a UR transfer's fountain code: which fragments each part mixes is bc-ur's choice
 * (`fragmentsOfPart` makes the same, faster), and the parts are combined here by Gaussian
 * elimination over GF(2), so the message is found as soon as the parts read determine it, in
 * whatever order they came.
 *
 * bc-ur's own decoder peels: it XORs a part out of another only when one's fragments are a
 * subset of the other's at the moment one arrives, and a mix reduced later is not tried
 * against the rest. Some orders of a complete set of frames so never finish (bc-ur 1.1.13,
 * and 2.0's decoder is the same).
 */
export class FountainSolver {
  /** Rows in echelon form, each kept at its lowest fragment (its pivot). */
  private readonly rows = new Map<number, Row>();
  private solved: Uint8Array | undefined;

  constructor(
    readonly fragmentCount: number,
    private readonly messageLength: number,
    private readonly checksum: number,
  ) {}

  /** How many fragments the parts so far determine: the transfer is whole at `fragmentCount`. */
  get rank(): number {
    return this.solved ? this.fragmentCount : this.rows.size;
  }

  get whole(): boolean {
    return this.rank === this.fragmentCount;
  }

  /**
   * Takes one part of this transfer (its sequence length, message length, checksum and
   * fragment length match). Throws when the parts contradict each other, which only damaged
   * data can do.
   */
  receive(part: FountainEncoderPart): void {
    if (this.solved) return;
    const row: Row = {
      fragments: new Uint32Array(Math.ceil(this.fragmentCount / 32)),
      data: Uint8Array.from(part.fragment),
    };
    for (const index of fragmentsOfPart(part.seqNum, part.seqLength, part.checksum))
      row.fragments[index >>> 5]! |= 1 << (index & 31);
    for (let pivot = lowestFragment(row); pivot >= 0; pivot = lowestFragment(row)) {
      const existing = this.rows.get(pivot);
      if (!existing) {
        this.rows.set(pivot, row);
        return;
      }
      // Clears the pivot and touches only fragments above it: the next pivot is higher.
      xorInto(row, existing);
    }
    // The part told nothing new: its data must then be what the others already say.
    if (row.data.some((byte) => byte !== 0)) throw new Error('the parts contradict each other');
  }

  /** The message once the transfer is whole, else undefined. Throws if it fails its checksum. */
  message(): Uint8Array | undefined {
    if (this.solved || !this.whole) return this.solved;
    // Back substitution, highest pivot first: each row then holds its fragment alone.
    const fragmentLength = this.rows.get(0)!.data.length;
    const message = new Uint8Array(this.fragmentCount * fragmentLength);
    for (let pivot = this.fragmentCount - 1; pivot >= 0; pivot--) {
      const row = this.rows.get(pivot)!;
      for (let other = pivot + 1; other < this.fragmentCount; other++) {
        if (row.fragments[other >>> 5]! & (1 << (other & 31))) xorInto(row, this.rows.get(other)!);
      }
      message.set(row.data, pivot * fragmentLength);
    }
    const whole = message.subarray(0, this.messageLength);
    if (getCRC(Buffer.from(whole.buffer, whole.byteOffset, whole.length)) !== this.checksum)
      throw new Error('the message fails its checksum');
    this.solved = whole;
    return whole;
  }
}

function lowestFragment({ fragments }: Row): number {
  for (let word = 0; word < fragments.length; word++) {
    const bits = fragments[word]!;
    if (bits !== 0) return word * 32 + 31 - Math.clz32(bits & -bits);
  }
  return -1;
}

function xorInto(target: Row, source: Row): void {
  for (let i = 0; i < target.fragments.length; i++) target.fragments[i]! ^= source.fragments[i]!;
  for (let i = 0; i < target.data.length; i++) target.data[i]! ^= source.data[i]!;
}
