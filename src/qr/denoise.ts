import type { GreyImage } from './image.js';

/**
 * Sensor noise (a webcam at high gain, a dim room) defeats jsqr. Its binariser thresholds each
 * 8×8 block at the block's mean unless the block is nearly flat, so noise over a plain wall turns
 * into black and white specks, every run of them a candidate finder pattern: jsqr then spends
 * up to half a second on a picture (a clean one takes 10–40 ms) and misses codes it reads once
 * the noise is gone. A sigma filter (Lee, 1983) averages each pixel with the neighbours within
 * two noise levels of it: flat areas flatten, while a code's edges, far more than the noise
 * apart, stay where and as sharp as they were.
 */

/** At or below this noise level (grey levels) jsqr's binariser sees flat areas as flat: measured. */
const QUIET_LEVEL = 2.5;
/** Neighbours within this many noise levels of a pixel are averaged with it. */
const SPREAD = 2;
/** Pure random noise needs 5 passes; a picture still noisy after this many is left as it is. */
const MAX_PASSES = 8;
const BLOCK = 8;

/**
 * How noisy a picture is, as the standard deviation of Gaussian noise: the median difference
 * between neighbouring pixels, across and down, over 0.954 (the median of |a − b| for a and b
 * with that deviation). A code's edges, a picture's outlines and its shading move the median
 * little: most neighbours sit on the same side of an edge.
 */
export function noiseLevel(grey: Uint8Array, width: number, height: number): number {
  const counts = new Uint32Array(256);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let at = row; at < row + width - 1; at++) counts[Math.abs(grey[at]! - grey[at + 1]!)]! += 1;
    if (y + 1 < height)
      for (let at = row; at < row + width; at++) counts[Math.abs(grey[at]! - grey[at + width]!)]! += 1;
  }
  const pairs = (width - 1) * height + width * (height - 1);
  if (pairs <= 0) return 0;
  let difference = 0;
  for (let seen = counts[0]!; seen * 2 < pairs; seen += counts[++difference]!);
  return difference / 0.954;
}

/**
 * How speckled a picture's flattest parts still look to jsqr's binariser, which judges 8×8
 * blocks: the standard deviation within the flattest tenth of them.
 */
function flatSpread(grey: Uint8Array, width: number, height: number): number {
  const across = Math.floor(width / BLOCK);
  const down = Math.floor(height / BLOCK);
  if (across * down === 0) return 0;
  const deviations = new Float64Array(across * down);
  for (let by = 0; by < down; by++) {
    for (let bx = 0; bx < across; bx++) {
      let sum = 0;
      let squares = 0;
      for (let y = by * BLOCK; y < (by + 1) * BLOCK; y++) {
        for (let at = y * width + bx * BLOCK, end = at + BLOCK; at < end; at++) {
          const v = grey[at]!;
          sum += v;
          squares += v * v;
        }
      }
      const n = BLOCK * BLOCK;
      deviations[by * across + bx] = Math.sqrt(Math.max(0, squares / n - (sum / n) ** 2));
    }
  }
  deviations.sort();
  return deviations[Math.floor(deviations.length * 0.1)]!;
}

/** One pass of a 3×3 sigma filter; the outermost pixels stay as they are. */
function sigmaFilter(grey: Uint8Array, width: number, height: number, limit: number): Uint8Array {
  const out = grey.slice();
  const within = Math.floor(limit); // grey levels are whole numbers
  // The eight neighbours written out: twice as fast as two nested loops, and this runs on every pixel.
  const [nw, n, ne, w, e, sw, s, se] = [-width - 1, -width, -width + 1, -1, 1, width - 1, width, width + 1];
  for (let y = 1; y < height - 1; y++) {
    for (let at = y * width + 1, end = at + width - 2; at < end; at++) {
      const centre = grey[at]!;
      const [low, high] = [centre - within, centre + within];
      let sum = centre;
      let count = 1;
      let v = grey[at + nw]!;
      if (v >= low && v <= high) {
        sum += v;
        count += 1;
      }
      v = grey[at + n]!;
      if (v >= low && v <= high) {
        sum += v;
        count += 1;
      }
      v = grey[at + ne]!;
      if (v >= low && v <= high) {
        sum += v;
        count += 1;
      }
      v = grey[at + w]!;
      if (v >= low && v <= high) {
        sum += v;
        count += 1;
      }
      v = grey[at + e]!;
      if (v >= low && v <= high) {
        sum += v;
        count += 1;
      }
      v = grey[at + sw]!;
      if (v >= low && v <= high) {
        sum += v;
        count += 1;
      }
      v = grey[at + s]!;
      if (v >= low && v <= high) {
        sum += v;
        count += 1;
      }
      v = grey[at + se]!;
      if (v >= low && v <= high) {
        sum += v;
        count += 1;
      }
      // Like none of its neighbours: a speck of noise, which jsqr would take for a module.
      if (count === 1) {
        sum =
          grey[at + nw]! +
          grey[at + n]! +
          grey[at + ne]! +
          grey[at + w]! +
          grey[at + e]! +
          grey[at + sw]! +
          grey[at + s]! +
          grey[at + se]!;
        count = 8;
      }
      out[at] = (sum + (count >> 1)) / count;
    }
  }
  return out;
}

/**
 * The picture with its sensor noise filtered out, or the very same picture when it is not
 * noisy (screenshots, most photos): those reach jsqr untouched.
 */
export function suppressNoise(image: GreyImage): GreyImage {
  const { width, height } = image;
  const noise = noiseLevel(image.grey, width, height);
  if (noise <= QUIET_LEVEL) return image;
  // The limit stays that of the picture's own noise: each pass leaves less noise, but edges must
  // never become "within the noise" of each other.
  let grey = image.grey;
  let spread = flatSpread(grey, width, height);
  for (let pass = 0; pass < MAX_PASSES && spread > QUIET_LEVEL; pass++) {
    grey = sigmaFilter(grey, width, height, SPREAD * noise);
    const next = flatSpread(grey, width, height);
    // Texture rather than noise: filtering it further would only wear the picture down.
    if (next > 0.9 * spread) break;
    spread = next;
  }
  return { width, height, grey };
}
