import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { UserError } from '../errors.js';
import { checkRegularFile, explainReadError } from '../media/read-regular-file.js';
import { cameraFrames } from './camera.js';
import { type DecodedImage, decodeImages } from './decode-pool.js';
import { Reassembly, type FrameVerdict, type Progress, type Reassembled } from './reassembly.js';

const PICTURE = new Set(['.png', '.jpg', '.jpeg']);

export interface ReadTally extends Record<FrameVerdict | 'no-code', number> {
  pictures: number;
}

export interface ReadOptions {
  /** After each picture: how many were read, what became of them, and the transfer's progress. */
  onProgress?: (tally: ReadTally, progress: Progress) => void;
  signal?: AbortSignal;
  workers?: number;
}

/**
 * Reads QR codes from pictures and folders of pictures (in any order) and puts the transfer
 * back together. Duplicates, frames of other transfers and pictures without a code are
 * skipped; it stops as soon as the transfer is complete.
 */
export async function readQrImages(inputs: readonly string[], options: ReadOptions = {}): Promise<ReadResult> {
  const paths = (await Promise.all(inputs.map(picturesAt))).flat();
  return reassemble(decodeImages(paths, options), options);
}

/**
 * Reads the QR codes a camera (/dev/video0) or a video file shows, through ffmpeg, as
 * `readQrImages` reads pictures, until the transfer is complete or the video ends.
 */
export async function readQrCamera(source: string, options: ReadOptions = {}): Promise<ReadResult> {
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([stop.signal, options.signal]) : stop.signal;
  try {
    // A camera has no last picture: a code that is no transfer (an address) is the whole answer.
    return await reassemble(decodeImages(cameraFrames(source, signal), options), options, { stopAtLoneCode: true });
  } finally {
    stop.abort();
  }
}

export type ReadResult = { result: Reassembled; tally: ReadTally };

/** What a path given to read holds; any file that is not a PNG or JPEG by its name goes to ffmpeg. */
export type ReadSource = 'folder' | 'picture' | 'camera' | 'video';

/**
 * Reads whatever `path` is: a folder of pictures, a picture, a camera or a video, as the app's
 * one path field takes them all.
 */
export async function readQrFrom(
  path: string,
  options: ReadOptions = {},
): Promise<ReadResult & { source: ReadSource }> {
  const source = await sourceAt(path);
  const read = source === 'camera' || source === 'video' ? readQrCamera(path, options) : readQrImages([path], options);
  return { ...(await read), source };
}

async function sourceAt(path: string): Promise<ReadSource> {
  const info = await stat(path).catch((error: unknown) => {
    throw noPath(path, error);
  });
  if (info.isDirectory()) return 'folder';
  // A picture by its name is read as one, so a .png that is a device is refused as a picture, not filmed.
  if (PICTURE.has(extname(path).toLowerCase())) return 'picture';
  return info.isCharacterDevice() ? 'camera' : 'video';
}

async function reassemble(
  decoded: AsyncIterable<DecodedImage>,
  options: ReadOptions,
  { stopAtLoneCode = false } = {},
): Promise<ReadResult> {
  const reassembly = new Reassembly();
  const tally: ReadTally = { pictures: 0, new: 0, duplicate: 0, 'other-transfer': 0, 'not-a-frame': 0, 'no-code': 0 };
  for await (const { name, text } of decoded) {
    tally.pictures += 1;
    const verdict = text === null ? 'no-code' : reassembly.receive(text, name);
    tally[verdict] += 1;
    options.onProgress?.(tally, reassembly.progress());
    if (reassembly.complete || (stopAtLoneCode && verdict === 'not-a-frame' && tally.new === 0)) break;
  }
  return { result: reassembly.result(), tally };
}

/**
 * A picture, or the pictures of a folder (by name, so a sequence reads in its order). A FIFO,
 * a device or a folder among them is refused before any picture is decoded.
 */
async function picturesAt(path: string): Promise<string[]> {
  const info = await stat(path).catch((error: unknown) => {
    throw noPath(path, error);
  });
  if (!info.isDirectory()) return [path];
  const entries = (await readdir(path, { withFileTypes: true })).filter((entry) =>
    PICTURE.has(extname(entry.name).toLowerCase()),
  );
  if (entries.length === 0)
    throw new UserError(`no PNG or JPEG pictures in ${path}`, 'give the folder the frames were saved to');
  for (const entry of entries) {
    if (entry.isFile()) continue;
    await checkRegularFile(join(path, entry.name)).catch((error: unknown) => {
      throw explainReadError(join(path, entry.name), error);
    });
  }
  return entries.map((entry) => join(path, entry.name)).sort();
}

function noPath(path: string, error: unknown): Error {
  if ((error as NodeJS.ErrnoException).code === 'ELOOP') return explainReadError(path, error);
  return new UserError(`no file or folder at ${path}`, 'check the path');
}
