import { describe, expect, it } from 'vitest';
import { chooseFragments } from '../../src/qr/bc-ur.js';
import { fragmentsOfPart } from '../../src/qr/fountain-fragments.js';
import { MAX_TRANSFER_PARTS } from '../../src/qr/ur-part.js';
import { seeded } from '../helpers/qr-frames.js';

describe('the fragments a part mixes', () => {
  it("are bc-ur's, in its order, for transfers of every size and many parts", () => {
    const random = seeded(21);
    for (const count of [1, 2, 3, 5, 31, 32, 33, 64, 100, 257, 1000, 3000]) {
      for (let i = 0; i < 25; i++) {
        const seqNum = count + 1 + Math.floor(random() * 10 * count);
        const checksum = Math.floor(random() * 2 ** 32);
        expect(fragmentsOfPart(seqNum, count, checksum), `part ${seqNum} of ${count}`).toEqual(
          chooseFragments(seqNum, count, checksum),
        );
      }
    }
    expect(fragmentsOfPart(4, 9, 1)).toEqual([3]); // a plain fragment
  });

  it('are chosen in well under a second at the most parts a transfer may have', () => {
    let slowest = 0;
    for (let seqNum = MAX_TRANSFER_PARTS + 1; seqNum <= MAX_TRANSFER_PARTS + 5; seqNum++) {
      const started = performance.now();
      const chosen = fragmentsOfPart(seqNum, MAX_TRANSFER_PARTS, 0xc0ffee);
      slowest = Math.max(slowest, performance.now() - started);
      expect(new Set(chosen).size).toBe(chosen.length);
      expect(chosen.every((index) => index >= 0 && index < MAX_TRANSFER_PARTS)).toBe(true);
    }
    expect(slowest).toBeLessThan(500);
  });
});
