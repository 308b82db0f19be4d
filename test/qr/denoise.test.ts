/** Sensor noise filtered out before jsqr: measured on real codes drawn as the terminal draws them. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noiseLevel, suppressNoise } from '../../src/qr/denoise.js';
import { findQrCode } from '../../src/qr/find.js';
import { type GreyImage, greyscale, rgbaOf } from '../../src/qr/image.js';
import { qrMatrix } from '../../src/qr/matrix.js';
import { readQrImages } from '../../src/qr/read.js';
import { qrLines } from '../../src/qr/terminal-text.js';
import { createScratch } from '../helpers/files.js';
import { seeded } from '../helpers/qr-frames.js';
import { DARK_THEME, terminalToImage } from '../helpers/qr-pixels.js';

const TEXT = `A CODE IN NOISE ${'A1B2C3D4E5'.repeat(20)}`;

/** The code as the terminal draws it, `scale` pixels a module, with a margin of 2 modules. */
const codePicture = (scale: number): GreyImage =>
  greyscale(terminalToImage(qrLines(qrMatrix(TEXT), 2), DARK_THEME, scale), Infinity);

/** A flat grey picture. */
function flat(width: number, height: number, level: number): GreyImage {
  return { width, height, grey: new Uint8Array(width * height).fill(level) };
}

/** The picture with approximately normal noise of `sigma` grey levels on every pixel, as a camera sensor adds it. */
function withNoise(image: GreyImage, sigma: number, seed: number): GreyImage {
  const random = seeded(seed);
  const grey = new Uint8ClampedArray(image.grey);
  for (let i = 0; i < grey.length; i++) {
    let sum = 0;
    for (let k = 0; k < 6; k++) sum += random();
    grey[i] = grey[i]! + (sum - 3) * Math.SQRT2 * sigma; // six uniforms: variance 1/2
  }
  return { width: image.width, height: image.height, grey: new Uint8Array(grey.buffer) };
}

/** Black and white made into two greys. */
function recoloured(image: GreyImage, dark: number, light: number): GreyImage {
  return { width: image.width, height: image.height, grey: image.grey.map((v) => dark + ((light - dark) * v) / 255) };
}

const levelOf = (image: GreyImage) => noiseLevel(image.grey, image.width, image.height);
const read = (image: GreyImage) => findQrCode(image)?.data;

describe('measuring noise', () => {
  it('finds none in a picture of the terminal, and leaves that picture as it is', () => {
    const picture = codePicture(3);
    expect(levelOf(picture)).toBe(0);
    expect(suppressNoise(picture)).toBe(picture);
  });

  it('measures the noise itself, in a flat picture and in one the code fills edge to edge', () => {
    for (const sigma of [5, 10, 20]) {
      const level = levelOf(withNoise(flat(300, 200, 128), sigma, 1));
      expect(Math.abs(level - sigma)).toBeLessThan(0.1 * sigma + 0.5);
      // Half the pixels of a code of 3-pixel modules touch an edge; most neighbours still share a
      // module. Greys away from black and white, so that no noise is clipped.
      const filled = levelOf(withNoise(recoloured(codePicture(3), 70, 190), sigma, 2));
      expect(filled).toBeGreaterThan(0.9 * sigma);
      expect(filled).toBeLessThan(1.35 * sigma);
    }
  });
});

describe('filtering it out', () => {
  it('flattens the noise of a flat picture into what jsqr takes for flat', () => {
    const flatBlocks = ({ width, height, grey }: GreyImage) => {
      let count = 0;
      for (let by = 0; by + 8 <= height; by += 8) {
        for (let bx = 0; bx + 8 <= width; bx += 8) {
          let [low, high] = [255, 0];
          for (let y = by; y < by + 8; y++) {
            for (let x = bx; x < bx + 8; x++)
              [low, high] = [Math.min(low, grey[y * width + x]!), Math.max(high, grey[y * width + x]!)];
          }
          // jsqr's binariser sees an 8×8 block whose levels span at most 24 as all one colour.
          if (high - low <= 24) count += 1;
        }
      }
      return count / ((width / 8) * (height / 8));
    };
    const noisy = withNoise(flat(320, 200, 90), 15, 3);
    expect(flatBlocks(noisy)).toBe(0);
    expect(flatBlocks(suppressNoise(noisy))).toBeGreaterThan(0.8);
    expect(levelOf(suppressNoise(noisy))).toBeLessThan(2);
  });

  it("keeps a code's edges where they were, without blurring them", () => {
    const clean = codePicture(3);
    const [before, after] = [clean.grey, suppressNoise(withNoise(clean, 20, 4)).grey];
    const { width, height } = clean;
    let [edges, error] = [0, 0];
    for (let y = 1; y < height - 1; y++) {
      for (let x = 1; x < width - 1; x++) {
        const at = y * width + x;
        const around = [-width - 1, -width, -width + 1, -1, 1, width - 1, width, width + 1].map((d) => before[at + d]!);
        if (around.every((v) => v === before[at])) continue;
        edges += 1;
        error += Math.abs(after[at]! - before[at]!);
      }
    }
    expect(edges).toBeGreaterThan(0.4 * width * height);
    // A 3×3 box blur would move these pixels by 83 grey levels on average.
    expect(error / edges).toBeLessThan(15);
  });

  it('reads every code jsqr reads in the noisy picture, and codes it misses there', () => {
    let [raw, filtered] = [0, 0];
    for (const scale of [3, 4, 5]) {
      for (const sigma of [40, 50]) {
        for (let seed = 1; seed <= 8; seed++) {
          const picture = withNoise(codePicture(scale), sigma, seed);
          const [plain, quiet] = [read(picture) === TEXT, read(suppressNoise(picture)) === TEXT];
          if (plain) expect(quiet, `scale ${scale}, noise ${sigma}, seed ${seed}`).toBe(true);
          raw += Number(plain);
          filtered += Number(quiet);
        }
      }
    }
    expect(filtered).toBeGreaterThanOrEqual(raw + 3); // 43 against 38
  });
});

describe('in airlock qr read', () => {
  let scratch: Awaited<ReturnType<typeof createScratch>>;
  beforeAll(async () => (scratch = await createScratch('qr-noise')));
  afterAll(() => scratch?.remove());

  it('reads a noisy picture jsqr alone reads nothing in', async () => {
    const picture = withNoise(codePicture(5), 50, 1);
    expect(read(picture)).toBeUndefined();
    const png = new PNG({ width: picture.width, height: picture.height });
    png.data = Buffer.from(rgbaOf(picture).data);
    const path = join(await scratch.dir(), 'grainy.png');
    await writeFile(path, PNG.sync.write(png));
    expect((await readQrImages([path], { workers: 1 })).result).toEqual({ kind: 'text', text: TEXT });
  });
});
