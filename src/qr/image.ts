import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import { UserError } from '../errors.js';

/** Frames of a QR transfer are photos or screenshots: far below these. */
export const MAX_IMAGE_BYTES = 32 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 40_000_000;
/** jsqr is fast and reliable up to about this side; phones photograph at several times more. */
export const MAX_DECODE_SIDE = 1000;

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** A PNG or JPEG file as RGBA pixels, no longer than MAX_DECODE_SIDE on either side. */
export async function readImage(path: string): Promise<RgbaImage> {
  const { size } = await stat(path);
  if (size > MAX_IMAGE_BYTES) {
    throw new UserError(`${path} is too large (${size} bytes; at most ${MAX_IMAGE_BYTES})`, 'use a smaller picture of the code');
  }
  return downscale(await decodeImage(await readFile(path), path), MAX_DECODE_SIDE);
}

/** The pixels of a PNG or JPEG file's bytes, at full size. */
export async function decodeImage(bytes: Buffer, path: string): Promise<RgbaImage> {
  const kind = imageKind(bytes);
  if (!kind) throw new UserError(`${path} is not a PNG or JPEG image`);
  // The header says the size: refuse a huge picture before spending memory on its pixels.
  const { width, height } = kind === 'png' ? pngSize(bytes) : jpegSize(bytes, path);
  checkPixels(path, width, height);
  return kind === 'png' ? decodePng(bytes, path) : await decodeJpeg(bytes, path);
}

function imageKind(bytes: Buffer): 'png' | 'jpeg' | undefined {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  return undefined;
}

function checkPixels(path: string, width: number, height: number): void {
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new UserError(`${path} is too large (${width}×${height} pixels; at most ${MAX_IMAGE_PIXELS / 1e6} megapixels)`, 'use a smaller picture of the code');
  }
}

/** IHDR is the first chunk: width and height right after its type. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.length < 24) return { width: 0, height: 0 };
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Walks the JPEG markers to the first start-of-frame, which holds the size. */
function jpegSize(bytes: Buffer, path: string): { width: number; height: number } {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) break;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    const startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (startOfFrame) return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  throw new UserError(`${path} is a damaged JPEG image (no frame header)`);
}

function decodePng(bytes: Buffer, path: string): RgbaImage {
  try {
    const png = PNG.sync.read(bytes);
    return { width: png.width, height: png.height, data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length) };
  } catch (error) {
    throw new UserError(`${path} is a damaged PNG image (${(error as Error).message})`);
  }
}

/**
 * mozjpeg compiled to WebAssembly (jSquash's build of Squoosh's codec): a phone's 1280×720 photo
 * decodes in 10–16 ms, against about 90 ms with jpeg-js, and a damaged file can harm nothing
 * outside the codec's own memory. Started on the first JPEG, once a thread. Its messages go to
 * `jpegMessages`, never to the terminal: a worker's console would write over the full-screen app.
 * A decode worker reads one picture at a time, so the messages there are that picture's.
 */
let mozjpeg: Promise<(file: ArrayBuffer) => Promise<RgbaImage>> | undefined;
const jpegMessages: string[] = [];

function startMozjpeg(): Promise<(file: ArrayBuffer) => Promise<RgbaImage>> {
  mozjpeg ??= (async () => {
    const { default: decode, init } = await import('@jsquash/jpeg/decode.js');
    const wasm = await readFile(createRequire(import.meta.url).resolve('@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm'));
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.length) as ArrayBuffer;
    await init({ wasmBinary, print: () => {}, printErr: (line: string) => jpegMessages.push(line) });
    return async (file) => {
      const { width, height, data } = (await decode(file)) as RgbaImage;
      return { width, height, data };
    };
  })();
  return mozjpeg;
}

async function decodeJpeg(bytes: Buffer, path: string): Promise<RgbaImage> {
  const decode = await startMozjpeg();
  jpegMessages.length = 0;
  try {
    return await decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
  } catch (error) {
    // libjpeg says why on its error channel; what it throws is only an exit status.
    const reason = jpegMessages.at(-1) ?? (error as Error).message ?? String(error);
    throw new UserError(`${path} is a damaged JPEG image (${reason})`);
  }
}

/** Averages boxes of pixels so the longest side is at most `maxSide`, keeping the aspect. */
export function downscale(image: RgbaImage, maxSide: number): RgbaImage {
  const factor = Math.ceil(Math.max(image.width, image.height) / maxSide);
  if (factor <= 1) return image;
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Uint8ClampedArray(width * height * 4);
  const source = image.data;
  const area = factor * factor;
  // Four running sums in locals, no allocation a pixel: this runs for every pixel of a photo.
  for (let y = 0, to = 0; y < height; y++) {
    for (let x = 0; x < width; x++, to += 4) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let dy = 0; dy < factor; dy++) {
        let from = ((y * factor + dy) * image.width + x * factor) * 4;
        for (let dx = 0; dx < factor; dx++, from += 4) {
          r += source[from]!;
          g += source[from + 1]!;
          b += source[from + 2]!;
          a += source[from + 3]!;
        }
      }
      data[to] = r / area;
      data[to + 1] = g / area;
      data[to + 2] = b / area;
      data[to + 3] = a / area;
    }
  }
  return { width, height, data };
}
