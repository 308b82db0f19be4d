import { createHash } from 'node:crypto';
import { chooseDegree } from './bc-ur.js';

const MASK = (1n << 64n) - 1n;
const TEN_TO_20 = 10n ** 20n;
/**
 * bc-ur divides a 64-bit draw by `0xFFFFFFFFFFFFFFFF + 1` written as a JavaScript number, which
 * bignumber.js takes from its decimal text: 18446744073709552000, not 2^64. A draw is the
 * quotient to 20 decimal places, rounded half up, read back as a number.
 */
const DIVISOR = 18446744073709552000n;

const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (64n - k))) & MASK;

/**
 * bc-ur's xoshiro256** generator (seeded with the SHA-256 of the seed), giving the very numbers
 * its own does, in native BigInts: bc-ur's goes through jsbi and bignumber.js, some 30 µs a draw.
 */
class Xoshiro {
  private readonly s: bigint[];

  constructor(seed: Uint8Array) {
    const digest = createHash('sha256').update(seed).digest();
    this.s = [0, 8, 16, 24].map((at) => digest.readBigUInt64BE(at));
  }

  nextDouble = (): number => {
    const scaled = this.roll() * TEN_TO_20;
    let quotient = scaled / DIVISOR;
    if (2n * (scaled - quotient * DIVISOR) >= DIVISOR) quotient += 1n;
    return Number(`${quotient}e-20`);
  };

  nextInt(low: number, high: number): number {
    return Math.floor(this.nextDouble() * (high - low + 1) + low);
  }

  private roll(): bigint {
    const s = this.s;
    const result = (rotl((s[1]! * 5n) & MASK, 7n) * 9n) & MASK;
    const t = (s[1]! << 17n) & MASK;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 45n);
    return result;
  }
}

/**
 * Which fragments part `seqNum` of a transfer of `seqLength` fragments mixes: the same list, in
 * the same order, as bc-ur's `chooseFragments`. bc-ur shuffles all the fragments to keep the
 * first `degree` (a draw and a splice for each: 2 s at 100,000 fragments, 21 s at 400,000); only
 * those are drawn here, each found among the fragments left in log time. The degree itself is
 * bc-ur's own draw, with this generator.
 */
export function fragmentsOfPart(seqNum: number, seqLength: number, checksum: number): number[] {
  // The first `seqLength` parts are the fragments themselves, in order.
  if (seqNum <= seqLength) return [seqNum - 1];
  const seed = Buffer.alloc(8);
  seed.writeUInt32BE(seqNum, 0);
  seed.writeUInt32BE(checksum >>> 0, 4);
  const rng = new Xoshiro(seed);
  const degree = chooseDegree(seqLength, rng as never);
  const left = new FragmentsLeft(seqLength);
  const chosen: number[] = [];
  for (let remaining = seqLength; chosen.length < degree; remaining--)
    chosen.push(left.take(rng.nextInt(0, remaining - 1)));
  return chosen;
}

/** The fragments not yet taken, in order, as a Fenwick tree of ones: the k-th found and removed in log time. */
class FragmentsLeft {
  private readonly tree: Int32Array;
  private readonly top: number;

  constructor(private readonly count: number) {
    this.tree = new Int32Array(count + 1);
    for (let i = 1; i <= count; i++) this.tree[i] = i & -i;
    this.top = 2 ** Math.floor(Math.log2(Math.max(1, count)));
  }

  /** Removes and returns the fragment at position `k` (from 0) among those left. */
  take(k: number): number {
    let at = 0;
    for (let step = this.top; step > 0; step >>= 1) {
      if (at + step <= this.count && this.tree[at + step]! <= k) {
        at += step;
        k -= this.tree[at]!;
      }
    }
    for (let i = at + 1; i <= this.count; i += i & -i) this.tree[i]! -= 1;
    return at;
  }
}
