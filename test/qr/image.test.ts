/** Pictures made by other encoders: the qrcode package's PNGs, a JPEG; limits; a folder in any order. */
import jpeg from 'jpeg-js';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameSequence } from '../../src/qr/frames.js';
import { downscale } from '../../src/qr/image.js';
import { readQrImages } from '../../src/qr/read.js';
import { createScratch } from '../helpers/cli.js';
import { pseudoRandomBytes } from '../helpers/qr-frames.js';
import { DARK_THEME, terminalToImage } from '../helpers/qr-pixels.js';
import { qrLines } from '../../src/qr/terminal-text.js';
import { qrMatrix } from '../../src/qr/matrix.js';

let scratch: Awaited<ReturnType<typeof createScratch>>;
beforeAll(async () => (scratch = await createScratch('qr-image')));
afterAll(() => scratch?.remove());

const text = async (paths: string[]) => (await readQrImages(paths, { workers: 1 })).result;

describe('reading pictures', () => {
  it('reads the PNGs of the qrcode package (toFile and toBuffer)', async () => {
    const dir = await scratch.dir();
    await QRCode.toFile(join(dir, 'a.png'), 'made by toFile', { errorCorrectionLevel: 'M', scale: 6 });
    await writeFile(join(dir, 'b.png'), await QRCode.toBuffer('made by toBuffer', { scale: 3, margin: 4 }));
    expect(await text([join(dir, 'a.png')])).toEqual({ kind: 'text', text: 'made by toFile' });
    expect(await text([join(dir, 'b.png')])).toEqual({ kind: 'text', text: 'made by toBuffer' });
  });

  it('reads a JPEG', async () => {
    const dir = await scratch.dir();
    const image = terminalToImage(qrLines(qrMatrix('A JPEG OF THE TERMINAL'), 2), DARK_THEME, 5);
    const encoded = jpeg.encode({ data: Buffer.from(image.data), width: image.width, height: image.height }, 80);
    await writeFile(join(dir, 'photo.jpg'), encoded.data);
    expect(await text([join(dir, 'photo.jpg')])).toEqual({ kind: 'text', text: 'A JPEG OF THE TERMINAL' });
  });

  it('reads a folder of frames in any order, skipping duplicates and pictures without a code', async () => {
    const dir = await scratch.dir();
    const payload = pseudoRandomBytes(1500, 5);
    const sequence = new FrameSequence(payload, 200);
    const names = ['q', 'c', 'x', 'a', 'm', 'b', 'z', 'k', 'd', 'e', 'f', 'g'];
    for (const name of names) {
      await QRCode.toFile(join(dir, `${name}.png`), [{ data: sequence.next().text, mode: 'alphanumeric' }], { errorCorrectionLevel: 'L', scale: 2 });
    }
    await writeFile(join(dir, 'dup.png'), await readFile(join(dir, 'q.png')));
    await writeFile(join(dir, 'blank.png'), blankPng());
    await writeFile(join(dir, 'notes.txt'), 'not a picture');
    const { result, tally } = await readQrImages([dir], { workers: 2 });
    expect(Buffer.from((result as { payload: Uint8Array }).payload).equals(Buffer.from(payload))).toBe(true);
    expect(tally.new).toBeGreaterThanOrEqual(sequence.parts);
  });

  it('refuses a picture too large, by its pixel count and by its size in bytes, before decoding it', async () => {
    const dir = await scratch.dir();
    const png = await QRCode.toBuffer('small', { scale: 1 });
    png.writeUInt32BE(20_000, 16); // IHDR: 20000 × 20000 pixels claimed
    png.writeUInt32BE(20_000, 20);
    await writeFile(join(dir, 'huge.png'), png);
    await expect(text([join(dir, 'huge.png')])).rejects.toThrow(/huge\.png is too large \(20000×20000 pixels/);
    const big = await open(join(dir, 'big.png'), 'w');
    await big.write(png, 0, png.length, 0);
    await big.truncate(40 * 1024 * 1024); // sparse: costs no disk
    await big.close();
    await expect(text([join(dir, 'big.png')])).rejects.toThrow(/big\.png is too large \(41943040 bytes/);
  });

  it('refuses what is not a picture, a damaged picture and a missing path, each plainly', async () => {
    const dir = await scratch.dir();
    await writeFile(join(dir, 'text.png'), 'hello');
    await expect(text([join(dir, 'text.png')])).rejects.toThrow(/is not a PNG or JPEG image/);
    const png = await QRCode.toBuffer('x');
    await writeFile(join(dir, 'cut.png'), png.subarray(0, 60));
    await expect(text([join(dir, 'cut.png')])).rejects.toThrow(/cut\.png is a damaged PNG image/);
    await expect(text([join(dir, 'nowhere.png')])).rejects.toThrow(/no file or folder at/);
    await mkdir(join(dir, 'empty'));
    await expect(text([join(dir, 'empty')])).rejects.toThrow(/no PNG or JPEG pictures in/);
  });
});

/** A white picture: no QR code in it. */
function blankPng(): Buffer {
  const png = new PNG({ width: 64, height: 64 });
  png.data.fill(255);
  return PNG.sync.write(png);
}

describe('downscaling', () => {
  it('averages whole boxes of pixels, every channel, until the longest side fits', () => {
    // 5×2 pixels, each channel a different ramp; a factor of 2 keeps 2×1 and drops the last column.
    const data = new Uint8ClampedArray(5 * 2 * 4).map((_, i) => [i, 2 * i, 255 - i, 100][i % 4]!);
    const small = downscale({ width: 5, height: 2, data }, 3);
    expect([small.width, small.height]).toEqual([2, 1]);
    const average = (x: number, c: number) => {
      const at = (px: number, py: number) => data[(py * 5 + px) * 4 + c]!;
      return Math.round((at(2 * x, 0) + at(2 * x + 1, 0) + at(2 * x, 1) + at(2 * x + 1, 1)) / 4);
    };
    expect([...small.data]).toEqual([0, 1].flatMap((x) => [0, 1, 2, 3].map((c) => average(x, c))));
    const image = { width: 4, height: 4, data: new Uint8ClampedArray(64) };
    expect(downscale(image, 4)).toBe(image);
  });
});
