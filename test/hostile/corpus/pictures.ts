/**
 * Pictures for `qr read` that lie about themselves: PNGs with a second IHDR or a huge claimed
 * size, a zlib bomb, JPEGs whose frame header claims 65535×65535, random bytes behind the PNG
 * and JPEG magic, and sound pictures of a QR code cut short or with one bit flipped. A damaged
 * picture may still read (the code survives a flip in a corner): clean either way.
 */
import { crc32, deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { ALICE } from '../../helpers/dev-keys.js';
import { pseudoRandomBytes, seeded } from '../../helpers/qr-frames.js';
import { flipBit, QR_READ, spread, writeSamples, type HostileInput, type Sample } from './inputs.js';

export const POLKADOT_GENESIS = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';

/** A sound PNG of an address QR code, as a phone's screenshot would be. */
export async function addressPicture(): Promise<Uint8Array> {
  return new Uint8Array(await QRCode.toBuffer(`substrate:${ALICE.polkadot}:${POLKADOT_GENESIS}:alice`, { scale: 4 }));
}

export async function pictureInputs(dir: string): Promise<HostileInput[]> {
  const png = await addressPicture();
  const jpg = jpegOf(png);
  const samples: Sample[] = [
    { name: 'sound.png', data: png },
    { name: 'sound.jpg', data: jpg },
    ...pngHeaders(png),
    ...pngBombs(),
    ...jpegHeaders(jpg),
    ...cuts('png', png),
    ...cuts('jpg', jpg),
    ...flips('png', png, 15_101),
    ...flips('jpg', jpg, 15_102),
    ...randomBehindMagic(),
    ...notPictures(),
  ];
  return writeSamples(dir, 'picture', QR_READ, samples, 'either');
}

// ---------------------------------------------------------------------------------------------
// PNG chunks: length | type | data | CRC-32 of type and data.

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

function ihdr(width: number, height: number, bitDepth = 8, colourType = 6): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([bitDepth, colourType, 0, 0, 0], 8);
  return chunk('IHDR', data);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The signature and the IHDR chunk (13 bytes of data): the first 33 bytes of every PNG. */
const FIRST_CHUNK_END = 8 + 8 + 13 + 4;

/** The sound picture with another IHDR right after its own, claiming `width`×`height`. */
function withSecondIhdr(png: Uint8Array, width: number, height: number): Uint8Array {
  const bytes = Buffer.from(png);
  return Buffer.concat([bytes.subarray(0, FIRST_CHUNK_END), ihdr(width, height), bytes.subarray(FIRST_CHUNK_END)]);
}

/** The sound picture's own IHDR changed to claim `width`×`height`. */
function withSize(png: Uint8Array, width: number, height: number): Uint8Array {
  const bytes = Buffer.from(png);
  const colour = bytes.subarray(24, 29);
  return Buffer.concat([SIGNATURE, ihdr(width, height, colour[0], colour[1]), bytes.subarray(FIRST_CHUNK_END)]);
}

function pngHeaders(png: Uint8Array): Sample[] {
  return [
    { name: 'second-ihdr-16000x16000.png', data: withSecondIhdr(png, 16_000, 16_000) },
    { name: 'second-ihdr-7000x7000.png', data: withSecondIhdr(png, 7000, 7000) },
    { name: 'second-ihdr-100000x100000.png', data: withSecondIhdr(png, 100_000, 100_000) },
    { name: 'ihdr-16000x16000.png', data: withSize(png, 16_000, 16_000) },
    { name: 'ihdr-6000x6000.png', data: withSize(png, 6000, 6000) },
    { name: 'ihdr-2^31x1.png', data: withSize(png, 2 ** 31, 1) },
    { name: 'ihdr-1x40000000.png', data: withSize(png, 1, 40_000_000) },
    { name: 'ihdr-0x0.png', data: withSize(png, 0, 0) },
    {
      name: 'ihdr-after-idat.png',
      data: Buffer.concat([Buffer.from(png).subarray(0, -12), ihdr(16_000, 16_000), Buffer.from(png).subarray(-12)]),
    },
    {
      name: 'text-chunk-10MB.png',
      data: Buffer.concat([
        Buffer.from(png).subarray(0, FIRST_CHUNK_END),
        chunk('tEXt', Buffer.alloc(10 * 1024 * 1024, 0x41)),
        Buffer.from(png).subarray(FIRST_CHUNK_END),
      ]),
    },
  ];
}

/** Small files that inflate to all the pixels their header claims: within the 40-megapixel bound, and far above it. */
function pngBombs(): Sample[] {
  const bomb = (width: number, height: number) => {
    // Grey, 8 bits: a filter byte and `width` pixels a row, all zero.
    const rows = Buffer.alloc((width + 1) * height);
    return Buffer.concat([
      SIGNATURE,
      ihdr(width, height, 8, 0),
      chunk('IDAT', deflateSync(rows, { level: 9 })),
      chunk('IEND', new Uint8Array(0)),
    ]);
  };
  return [
    { name: 'zlib-bomb-6000x6000.png', data: bomb(6000, 6000) },
    // The header claims 36 megapixels; the data inflates to 225.
    {
      name: 'zlib-bomb-lying-header.png',
      data: Buffer.concat([
        SIGNATURE,
        ihdr(6000, 6000, 8, 0),
        chunk('IDAT', deflateSync(Buffer.alloc(15_001 * 15_000), { level: 9 })),
        chunk('IEND', new Uint8Array(0)),
      ]),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// JPEG: markers FF xx, each segment with a 16-bit length; the start of frame holds the size.

function jpegOf(png: Uint8Array): Uint8Array {
  const image = PNG.sync.read(Buffer.from(png));
  return new Uint8Array(jpeg.encode({ width: image.width, height: image.height, data: image.data }, 90).data);
}

/** Where the start-of-frame segment (FF C0, baseline) begins. */
function sofAt(bytes: Uint8Array): number {
  for (let at = 2; at + 1 < bytes.length; at++) if (bytes[at] === 0xff && bytes[at + 1] === 0xc0) return at;
  throw new Error('no SOF0 in the JPEG');
}

function withJpegSize(jpg: Uint8Array, width: number, height: number): Uint8Array {
  const bytes = Buffer.from(jpg);
  const at = sofAt(bytes);
  bytes.writeUInt16BE(height, at + 5);
  bytes.writeUInt16BE(width, at + 7);
  return bytes;
}

function jpegHeaders(jpg: Uint8Array): Sample[] {
  const bytes = Buffer.from(jpg);
  const at = sofAt(bytes);
  const sof = bytes.subarray(at, at + 2 + bytes.readUInt16BE(at + 2));
  const huge = Buffer.from(sof);
  huge.writeUInt32BE(0xffffffff, 5);
  return [
    { name: 'sof-65535x65535.jpg', data: withJpegSize(jpg, 65_535, 65_535) },
    { name: 'sof-6000x6000.jpg', data: withJpegSize(jpg, 6000, 6000) },
    { name: 'sof-65535x1.jpg', data: withJpegSize(jpg, 65_535, 1) },
    { name: 'sof-0x0.jpg', data: withJpegSize(jpg, 0, 0) },
    {
      name: 'second-sof-65535x65535.jpg',
      data: Buffer.concat([bytes.subarray(0, at + sof.length), huge, bytes.subarray(at + sof.length)]),
    },
    {
      name: 'segment-length-zero.jpg',
      data: Buffer.concat([bytes.subarray(0, 2), Buffer.from([0xff, 0xe1, 0x00, 0x00]), bytes.subarray(2)]),
    },
    {
      name: 'segment-length-past-end.jpg',
      data: Buffer.concat([bytes.subarray(0, 2), Buffer.from([0xff, 0xe1, 0xff, 0xff]), bytes.subarray(2, 200)]),
    },
    { name: 'fill-bytes-1MB.jpg', data: Buffer.concat([bytes.subarray(0, 2), Buffer.alloc(1024 * 1024, 0xff)]) },
  ];
}

// ---------------------------------------------------------------------------------------------

function cuts(ext: string, bytes: Uint8Array): Sample[] {
  return spread(1, bytes.length, 6).map((at) => ({ name: `cut-at-${at}.${ext}`, data: bytes.subarray(0, at) }));
}

function flips(ext: string, bytes: Uint8Array, seed: number): Sample[] {
  const random = seeded(seed);
  // The header and first chunks in detail, then across the rest.
  const points = [...spread(0, 64, 6), ...spread(64, bytes.length, 6)];
  return points.map((at) => {
    const bit = Math.floor(random() * 8);
    return { name: `flip-${at}-bit-${bit}.${ext}`, data: flipBit(bytes, at, bit) };
  });
}

function randomBehindMagic(): Sample[] {
  const jpegMagic = Buffer.from([0xff, 0xd8]);
  return [16, 100, 4096, 1024 * 1024].flatMap((size, i) => [
    {
      name: `random-${size}-behind-png-magic.png`,
      data: Buffer.concat([SIGNATURE, pseudoRandomBytes(size, 1600 + i)]),
      expect: 'refused' as const,
    },
    {
      name: `random-${size}-behind-jpeg-magic.jpg`,
      data: Buffer.concat([jpegMagic, pseudoRandomBytes(size, 1700 + i)]),
      expect: 'refused' as const,
    },
  ]);
}

function notPictures(): Sample[] {
  return [
    { name: 'empty.png', data: new Uint8Array(0), expect: 'refused' },
    { name: 'text.png', data: 'this is not a picture', expect: 'refused' },
    { name: 'gif.png', data: Buffer.concat([Buffer.from('GIF89a'), pseudoRandomBytes(100, 1800)]), expect: 'refused' },
    { name: 'png-magic-only.png', data: SIGNATURE, expect: 'refused' },
    { name: 'jpeg-magic-only.jpg', data: Buffer.from([0xff, 0xd8]), expect: 'refused' },
    {
      name: 'larger-than-32MiB.png',
      data: Buffer.concat([SIGNATURE, Buffer.alloc(33 * 1024 * 1024)]),
      expect: 'refused',
    },
  ];
}
