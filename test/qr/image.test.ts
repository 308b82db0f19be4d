/** Pictures made by other encoders: the qrcode package's PNGs, a JPEG; limits; a folder in any order. */
import jpeg from 'jpeg-js';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameSequence } from '../../src/qr/frames.js';
import { greyscale, rgbaOf } from '../../src/qr/image.js';
import { readQrImages } from '../../src/qr/read.js';
import { createScratch } from '../helpers/files.js';
import { pseudoRandomBytes } from '../helpers/qr-frames.js';
import { DARK_THEME, terminalToImage } from '../helpers/qr-pixels.js';
import { qrLines } from '../../src/qr/terminal-text.js';
import { type QrMatrix, qrMatrix } from '../../src/qr/matrix.js';

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

  it('reads the PNG kinds QR tools and editors write: a 1-bit palette, 16-bit grey with alpha', async () => {
    const dir = await scratch.dir();
    for (const kind of ['palette', 'grey16'] as const) {
      const path = join(dir, `${kind}.png`);
      await writeFile(path, pngOfKind(qrMatrix(`A ${kind.toUpperCase()} PNG`), 4, kind));
      expect(PNG.sync.read(await readFile(path)).width).toBe((21 + 8) * 4); // a valid PNG, by another decoder
      expect(await text([path])).toEqual({ kind: 'text', text: `A ${kind.toUpperCase()} PNG` });
    }
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
      await QRCode.toFile(join(dir, `${name}.png`), [{ data: sequence.next().text, mode: 'alphanumeric' }], {
        errorCorrectionLevel: 'L',
        scale: 2,
      });
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
    png.writeUInt32BE(20_000, 16); // IHDR: 20000 × 20000 pixels claimed, under a CRC that matches
    png.writeUInt32BE(20_000, 20);
    png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
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

/** Whether the pixel at x, y of a code drawn `scale` pixels a module with a 4-module quiet zone is dark. */
const darkAt = (matrix: QrMatrix, scale: number) => (x: number, y: number) => {
  const [row, column] = [Math.floor(y / scale) - 4, Math.floor(x / scale) - 4];
  return (
    row >= 0 &&
    column >= 0 &&
    row < matrix.size &&
    column < matrix.size &&
    matrix.dark[row * matrix.size + column] === 1
  );
};

/**
 * A code as a 1-bit palette PNG, as `qrencode` and PNG optimisers write it, and as 16-bit grey
 * with alpha, as image editors can: pngjs writes neither (its 16 bits are not the picture's).
 */
function pngOfKind(matrix: QrMatrix, scale: number, kind: 'palette' | 'grey16'): Buffer {
  const side = (matrix.size + 8) * scale;
  const dark = darkAt(matrix, scale);
  const rowBytes = kind === 'palette' ? Math.ceil(side / 8) : side * 4;
  const rows = Buffer.alloc((rowBytes + 1) * side); // each row: filter type 0, then its pixels
  for (let y = 0; y < side; y++) {
    const row = y * (rowBytes + 1) + 1;
    for (let x = 0; x < side; x++) {
      if (kind === 'palette') {
        if (dark(x, y)) rows[row + (x >> 3)]! |= 0x80 >> (x & 7);
      } else {
        rows.writeUInt16BE(dark(x, y) ? 0x0101 : 0xfefe, row + x * 4);
        rows.writeUInt16BE(0xffff, row + x * 4 + 2);
      }
    }
  }
  const chunk = (type: string, body: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set(kind === 'palette' ? [1, 3] : [16, 4], 8); // bit depth, colour type
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...(kind === 'palette' ? [chunk('PLTE', Buffer.from([255, 255, 255, 0, 0, 0]))] : []), // 0 white, 1 black
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A white picture: no QR code in it. */
function blankPng(): Buffer {
  const png = new PNG({ width: 64, height: 64 });
  png.data.fill(255);
  return PNG.sync.write(png);
}

describe('grey levels', () => {
  it('weighs the channels as jsqr does, over white where transparent, averaging whole boxes until the longest side fits', () => {
    // 5×2 pixels of different colours and opacities; a factor of 2 keeps 2×1 and drops the last column.
    const pixels = [
      [255, 0, 0, 255],
      [0, 255, 0, 255],
      [0, 0, 255, 255],
      [10, 20, 30, 255],
      [99, 99, 99, 255],
      [0, 0, 0, 0],
      [0, 0, 0, 128],
      [200, 100, 50, 255],
      [40, 40, 40, 64],
      [99, 99, 99, 255],
    ];
    const data = new Uint8ClampedArray(pixels.flat());
    // jsqr's grey level, and what a viewer shows on white: the colour where opaque, white where clear.
    const level = ([r, g, b, a]: number[]) => ((0.2126 * r! + 0.7152 * g! + 0.0722 * b!) * a! + 255 * (255 - a!)) / 255;
    const box = (x: number) =>
      [0, 5].flatMap((row) => [2 * x, 2 * x + 1].map((column) => level(pixels[row + column]!)));
    const small = greyscale({ width: 5, height: 2, data }, 3);
    expect([small.width, small.height]).toEqual([2, 1]);
    expect([...small.grey]).toEqual([0, 1].map((x) => Math.round(box(x).reduce((a, b) => a + b) / 4)));
    expect(box(0)).toContain(255); // the clear pixel counts as white
    const full = greyscale({ width: 5, height: 2, data }, 5);
    expect([...full.grey]).toEqual(pixels.map((pixel) => Math.round(level(pixel))));
  });

  it('gives jsqr back the same grey levels through RGBA', () => {
    const grey = new Uint8Array([0, 1, 127, 128, 254, 255]);
    const { data } = rgbaOf({ width: 3, height: 2, grey });
    expect([...greyscale({ width: 3, height: 2, data }, 3).grey]).toEqual([...grey]);
  });

  it('reads a code saved without a background, as a viewer shows it on white', async () => {
    const path = join(await scratch.dir(), 'clear.png');
    await QRCode.toFile(path, 'on a clear background', { color: { dark: '#000000ff', light: '#00000000' }, scale: 4 });
    expect(PNG.sync.read(await readFile(path)).data[3]).toBe(0); // the corner is clear
    expect(await text([path])).toEqual({ kind: 'text', text: 'on a clear background' });
  });
});
