import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { explainReadError, readRegularFile } from '../media/read-regular-file.js';
import { packageFilePath } from '../shipped-files.js';
import { DamagedJpeg, jpegSize } from './jpeg-header.js';
import { DamagedPng, pngSize } from './png-header.js';

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

/** A picture as grey levels, one byte a pixel, row after row. */
export interface GreyImage {
  width: number;
  height: number;
  grey: Uint8Array;
}

/** A PNG or JPEG file in grey levels, no longer than MAX_DECODE_SIDE on either side. */
export async function readImage(path: string): Promise<GreyImage> {
  const tooLarge = (size: number) =>
    new UserError(
      `${path} is too large (${size} bytes; at most ${MAX_IMAGE_BYTES})`,
      'use a smaller picture of the code',
    );
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, MAX_IMAGE_BYTES, tooLarge);
  } catch (error) {
    throw explainReadError(path, error);
  }
  return greyscale(await decodeImage(bytes, path), MAX_DECODE_SIDE);
}

/** The pixels of a PNG or JPEG file's bytes, at full size. */
export async function decodeImage(bytes: Buffer, path: string): Promise<RgbaImage> {
  const kind = imageKind(bytes);
  if (!kind) throw new UserError(`${path} is not a PNG or JPEG image`);
  // Every header a decoder acts on is checked first: a huge picture is refused before memory is spent on it.
  const { width, height } = headerSize(bytes, kind, path);
  checkPixels(path, width, height);
  return kind === 'png' ? await decodePng(bytes, path) : await decodeJpeg(bytes, path);
}

function imageKind(bytes: Buffer): 'png' | 'jpeg' | undefined {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  return undefined;
}

function headerSize(bytes: Buffer, kind: 'png' | 'jpeg', path: string): { width: number; height: number } {
  try {
    return kind === 'png' ? pngSize(bytes) : jpegSize(bytes);
  } catch (error) {
    if (error instanceof DamagedPng) throw new UserError(`${path} is a damaged PNG image (${error.message})`);
    if (error instanceof DamagedJpeg) throw new UserError(`${path} is a damaged JPEG image (${error.message})`);
    throw error;
  }
}

function checkPixels(path: string, width: number, height: number): void {
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new UserError(
      `${path} is too large (${width}×${height} pixels; at most ${MAX_IMAGE_PIXELS / 1e6} megapixels)`,
      'use a smaller picture of the code',
    );
  }
}

/**
 * The Rust png crate compiled to WebAssembly (jSquash's build of Squoosh's codec): twice as fast
 * as pngjs (a 1280×720 screenshot in about 8 ms against 17, a picture of random noise 23 against 40),
 * and like the JPEG codec it keeps a hostile file inside its own memory. It says only that a file
 * failed: the chunk walk before it (png-header.ts) has named what is wrong with the file's
 * structure, so what is left is image data that does not decode.
 */
let pngCodec: Promise<(file: ArrayBuffer) => Promise<RgbaImage>> | undefined;

function startPngCodec(): Promise<(file: ArrayBuffer) => Promise<RgbaImage>> {
  pngCodec ??= (async () => {
    const { default: decode, init } = await import('@jsquash/png/decode.js');
    await init(await readFile(packageFilePath('pngCodec')));
    return async (file) => {
      // The codecs promise the DOM's ImageData, a type Node's libraries lack; RgbaImage is its shape.
      const { width, height, data } = (await decode(file)) as RgbaImage;
      return { width, height, data };
    };
  })();
  return pngCodec;
}

async function decodePng(bytes: Buffer, path: string): Promise<RgbaImage> {
  const decode = await startPngCodec();
  try {
    return await decode(arrayBufferOf(bytes));
  } catch {
    throw new UserError(`${path} is a damaged PNG image (its image data does not decode)`);
  }
}

/** The bytes of a Buffer as the ArrayBuffer the codecs take: a file read whole already is one. */
function arrayBufferOf(bytes: Buffer): ArrayBuffer {
  const whole =
    bytes.byteOffset === 0 && bytes.length === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? bytes.buffer : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
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
    const wasmBinary = arrayBufferOf(await readFile(packageFilePath('jpegCodec')));
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
    return await decode(arrayBufferOf(bytes));
  } catch (error) {
    // libjpeg says why on its error channel; what it throws is only an exit status.
    const reason = jpegMessages.at(-1) ?? (error as Error).message ?? String(error);
    throw new UserError(`${path} is a damaged JPEG image (${reason})`);
  }
}

/** jsqr's weights of red, green and blue in a grey level, in ten-thousandths. */
const [RED, GREEN, BLUE] = [2126, 7152, 722];
const WHITE = 255 * 10_000;

/**
 * The picture in grey levels, weighed as jsqr weighs the channels, over white where it is
 * transparent (as a viewer shows a code saved without a background), and averaged over boxes of
 * pixels so that the longest side is at most `maxSide`. jsqr itself looks only at grey levels, so
 * everything after this works on one byte a pixel instead of four.
 */
export function greyscale(image: RgbaImage, maxSide: number): GreyImage {
  const factor = Math.max(1, Math.ceil(Math.max(image.width, image.height) / maxSide));
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const grey = new Uint8Array(width * height);
  const source = image.data;
  const stride = image.width * 4;
  const divisor = factor * factor * 10_000;
  // Each output row's boxes summed a source row at a time, in order: this reads every pixel of a photo.
  const sums = new Float64Array(width);
  for (let y = 0, to = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < factor; dy++) {
      let from = (y * factor + dy) * stride;
      for (let x = 0; x < width; x++) {
        let sum = 0;
        for (let dx = 0; dx < factor; dx++, from += 4) {
          const level = RED * source[from]! + GREEN * source[from + 1]! + BLUE * source[from + 2]!;
          const alpha = source[from + 3]!;
          sum += alpha === 255 ? level : (level * alpha + WHITE * (255 - alpha)) / 255;
        }
        sums[x]! += sum;
      }
    }
    for (let x = 0; x < width; x++, to++) grey[to] = (sums[x]! + divisor / 2) / divisor;
  }
  return { width, height, grey };
}

/** The grey picture as the RGBA pixels jsqr reads; it weighs them back to the same grey levels. */
export function rgbaOf({ width, height, grey }: GreyImage): RgbaImage {
  const data = new Uint8ClampedArray(grey.length * 4);
  for (let i = 0, at = 0; i < grey.length; i++, at += 4) {
    data[at] = data[at + 1] = data[at + 2] = grey[i]!;
    data[at + 3] = 255;
  }
  return { width, height, data };
}
