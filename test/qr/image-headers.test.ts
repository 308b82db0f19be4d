/** Every header a picture decoder acts on is checked first; every ordinary PNG and JPEG still reads. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { deflateSync, crc32 } from 'node:zlib';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../src/qr/image.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SIDE = 37;
/** A checkerboard of 3-pixel squares, odd-sized so that rows end mid-byte at low bit depths. */
const darkAt = (x: number, y: number) => (Math.floor(x / 3) + Math.floor(y / 3)) % 2 === 0;

function chunk(type: string, data: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([head, typed, crc]);
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Adam7's passes: first column and row, then steps across and down. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** The checkerboard as a PNG of any colour type, bit depth and interlace, written sample by sample. */
function png(colour: number, depth: number, interlace: 0 | 1): Buffer {
  const max = 2 ** depth - 1;
  const samples = (dark: boolean): number[] => {
    const level = dark ? 0 : max;
    if (colour === 3) return [dark ? 1 : 0];
    return [[level], [], [level, level, level], [], [level, max], [], [level, level, level, max]][colour]!;
  };
  const passes = interlace ? ADAM7 : [[0, 0, 1, 1] as const];
  const bytes: number[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    const columns = Math.ceil((SIDE - x0) / dx);
    if (columns <= 0 || y0 >= SIDE) continue;
    for (let y = y0; y < SIDE; y += dy) {
      const row = new Uint8Array(Math.ceil((columns * CHANNELS[colour]! * depth) / 8));
      let bit = 0;
      for (let x = x0; x < SIDE; x += dx) {
        for (const sample of samples(darkAt(x, y))) {
          for (let b = depth - 1; b >= 0; b--, bit++) if ((sample >> b) & 1) row[bit >> 3]! |= 0x80 >> (bit & 7);
        }
      }
      bytes.push(0, ...row); // filter type 0
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIDE, 0);
  header.writeUInt32BE(SIDE, 4);
  header.set([depth, colour, 0, 0, interlace], 8);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    ...(colour === 3 ? [chunk('PLTE', Uint8Array.from([255, 255, 255, 0, 0, 0]))] : []),
    chunk('IDAT', deflateSync(Uint8Array.from(bytes))),
    chunk('IEND', new Uint8Array()),
  ]);
}

const KINDS = [
  ...[1, 2, 4, 8, 16].map((depth) => ({ colour: 0, depth })),
  ...[8, 16].map((depth) => ({ colour: 2, depth })),
  ...[1, 2, 4, 8].map((depth) => ({ colour: 3, depth })),
  ...[8, 16].map((depth) => ({ colour: 4, depth })),
  ...[8, 16].map((depth) => ({ colour: 6, depth })),
].flatMap((kind) => [0, 1].map((interlace) => ({ ...kind, interlace: interlace as 0 | 1 })));

/** Whether every pixel is black where the checkerboard is dark and white elsewhere. */
async function readsBack(file: Buffer): Promise<boolean> {
  const { width, height, data } = await decodeImage(file, 'x.png');
  if (width !== SIDE || height !== SIDE) return false;
  for (let i = 0; i < SIDE * SIDE; i++) {
    const expected = darkAt(i % SIDE, Math.floor(i / SIDE)) ? 0 : 255;
    if (data[i * 4] !== expected || data[i * 4 + 1] !== expected || data[i * 4 + 3] !== 255) return false;
  }
  return true;
}

describe('PNG', () => {
  it.each(KINDS)(
    'reads colour type $colour at $depth bits, interlace $interlace',
    async ({ colour, depth, interlace }) => {
      expect(await readsBack(png(colour, depth, interlace))).toBe(true);
    },
  );

  const good = png(2, 8, 0);
  const ihdr = good.subarray(8, 33);
  const rest = good.subarray(33);
  const huge = Buffer.from(ihdr.subarray(8, 21));
  huge.writeUInt32BE(16_000, 0);
  huge.writeUInt32BE(16_000, 4);
  const idat = rest.subarray(0, rest.length - 12);

  it.each([
    {
      what: 'a second IHDR of 16000×16000 after the first',
      file: Buffer.concat([SIGNATURE, ihdr, chunk('IHDR', huge), rest]),
      reason: 'it has a second IHDR chunk',
    },
    {
      what: 'a second IHDR after the image data',
      file: Buffer.concat([SIGNATURE, ihdr, idat, chunk('IHDR', huge), chunk('IEND', new Uint8Array())]),
      reason: 'it has a second IHDR chunk',
    },
    {
      what: 'another chunk first',
      file: Buffer.concat([SIGNATURE, chunk('tEXt', Buffer.from('a\0b')), ihdr, rest]),
      reason: 'its first chunk is tEXt, not IHDR',
    },
    { what: 'image data cut short', file: good.subarray(0, 33 + 30), reason: 'chunk IDAT is cut short' },
    {
      what: 'a length beyond the file',
      file: Buffer.concat([SIGNATURE, ihdr, Buffer.from([0xff, 0xff, 0xff, 0xf0]), Buffer.from('IDAT')]),
      reason: 'chunk IDAT is cut short',
    },
    {
      what: 'a chunk that fails its CRC',
      file: Buffer.concat([SIGNATURE, ihdr, Buffer.from(idat).fill(0, 10, 12), rest.subarray(-12)]),
      reason: 'chunk IDAT fails its checksum',
    },
    { what: 'no IEND', file: Buffer.concat([SIGNATURE, ihdr, idat]), reason: 'it ends before its IEND chunk' },
    {
      what: 'no image data',
      file: Buffer.concat([SIGNATURE, ihdr, chunk('IEND', new Uint8Array())]),
      reason: 'it has no image data (IDAT)',
    },
    {
      what: 'a zero width',
      file: Buffer.concat([SIGNATURE, chunk('IHDR', Buffer.from(huge).fill(0, 0, 4)), rest]),
      reason: 'its IHDR says 0×16000 pixels',
    },
    {
      what: 'an animation frame larger than its canvas',
      file: Buffer.concat([SIGNATURE, ihdr, chunk('fcTL', fcTL(16_000, 16_000)), rest]),
      reason: `a frame of 16000×16000 pixels at 0,0 lies outside its ${SIDE}×${SIDE} canvas`,
    },
  ])('refuses $what, naming it', async ({ file, reason }) => {
    await expect(decodeImage(file, 'x.png')).rejects.toThrow(`x.png is a damaged PNG image (${reason})`);
  });

  it('names image data that does not decode, without a second decoder', async () => {
    const garbage = Buffer.concat([
      SIGNATURE,
      ihdr,
      chunk('IDAT', Buffer.from('not zlib data at all')),
      chunk('IEND', new Uint8Array()),
    ]);
    await expect(decodeImage(garbage, 'x.png')).rejects.toThrow(
      'x.png is a damaged PNG image (its image data does not decode)',
    );
  });
});

/** An APNG frame control chunk: sequence, width, height, x, y, delay and disposal. */
function fcTL(width: number, height: number): Buffer {
  const data = Buffer.alloc(26);
  data.writeUInt32BE(width, 4);
  data.writeUInt32BE(height, 8);
  return data;
}

describe('JPEG', () => {
  const pixels = Buffer.alloc(SIDE * SIDE * 4);
  for (let i = 0; i < SIDE * SIDE; i++) pixels.fill(darkAt(i % SIDE, Math.floor(i / SIDE)) ? 0 : 255, i * 4, i * 4 + 4);
  const baseline = jpeg.encode({ data: pixels, width: SIDE, height: SIDE }, 90).data;

  it('reads a baseline JPEG and a progressive one (as mozjpeg writes by default)', async () => {
    const { default: encode, init } = await import('@jsquash/jpeg/encode.js');
    const wasm = await readFile(createRequire(import.meta.url).resolve('@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm'));
    await init({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.length) });
    const progressive = Buffer.from(
      await encode(
        { data: new Uint8ClampedArray(pixels), width: SIDE, height: SIDE, colorSpace: 'srgb' } as unknown as Parameters<
          typeof encode
        >[0],
        { progressive: true, quality: 90 },
      ),
    );
    expect(progressive.includes(Buffer.from([0xff, 0xc2]))).toBe(true);
    for (const file of [baseline, progressive]) {
      const { width, height } = await decodeImage(file, 'x.jpg');
      expect([width, height]).toEqual([SIDE, SIDE]);
    }
  });

  /** A frame header (SOF0) of one grey component at that size. */
  const frameHeader = (width: number, height: number) => {
    const sof = Buffer.from([0xff, 0xc0, 0, 11, 8, 0, 0, 0, 0, 1, 1, 0x11, 0]);
    sof.writeUInt16BE(height, 5);
    sof.writeUInt16BE(width, 7);
    return sof;
  };
  const end = baseline.subarray(-2);

  it.each([
    {
      what: 'a second frame header after the first scan',
      file: Buffer.concat([baseline.subarray(0, -2), frameHeader(60_000, 60_000), end]),
      reason: 'it has a second frame header',
    },
    {
      what: 'a height left to a DNL marker',
      file: Buffer.concat([baseline.subarray(0, 2), frameHeader(100, 0), end]),
      reason: 'its frame header says 100×0 pixels',
    },
    {
      what: 'a hierarchical frame',
      file: Buffer.concat([
        baseline.subarray(0, 2),
        Buffer.from([0xff, 0xc5, 0, 11, 8, 0, 9, 0, 9, 1, 1, 0x11, 0]),
        end,
      ]),
      reason: 'a lossless or hierarchical JPEG, which airlock does not read',
    },
    { what: 'no frame header', file: Buffer.concat([baseline.subarray(0, 2), end]), reason: 'no frame header' },
  ])('refuses $what, naming it', async ({ file, reason }) => {
    await expect(decodeImage(file, 'x.jpg')).rejects.toThrow(`x.jpg is a damaged JPEG image (${reason})`);
  });

  it('refuses a frame header claiming more pixels than the limit', async () => {
    const claim = Buffer.concat([baseline.subarray(0, 2), frameHeader(60_000, 60_000), end]);
    await expect(decodeImage(claim, 'x.jpg')).rejects.toThrow(/x\.jpg is too large \(60000×60000 pixels/u);
  });
});
