import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { UserError } from '../errors.js';
import { checkRegularFile, explainReadError } from '../media/read-regular-file.js';
import { cameraFrames } from './camera.js';
import { type DecodedImage, decodeImages } from './decode-pool.js';
import { Reassembly, type Chosen, type FrameVerdict, type Progress, type TransferSeen } from './reassembly.js';
import { countOf } from '../count.js';

const PICTURE = new Set(['.png', '.jpg', '.jpeg']);

export interface ReadTally extends Record<FrameVerdict | 'no-code', number> {
  pictures: number;
}

export interface ReadOptions {
  /** After each picture: how many were read, what became of them, and the transfer's progress. */
  onProgress?: (tally: ReadTally, progress: Progress) => void;
  signal?: AbortSignal;
  workers?: number;
  /** The transfer wanted, by the id a listing of them gives, when the pictures hold several. */
  transfer?: string;
}

/**
 * Reads QR codes from pictures and folders of pictures (in any order) and puts the transfer
 * back together. Every picture is read, so that what they hold, not the order they are read
 * in, decides the transfer (see `Reassembly.choose`); duplicates, codes of other transfers
 * and pictures without a code are skipped, and counted.
 */
export async function readQrImages(inputs: readonly string[], options: ReadOptions = {}): Promise<ReadResult> {
  const paths = (await Promise.all(inputs.map(picturesAt))).flat();
  return reassemble(decodeImages(paths, options), options);
}

/**
 * Reads the QR codes a camera (/dev/video0) or a video file shows, through ffmpeg, as
 * `readQrImages` reads pictures, until the transfer is complete (see `Reassembly.finished`)
 * or the video ends.
 */
export async function readQrCamera(source: string, options: ReadOptions = {}): Promise<ReadResult> {
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([stop.signal, options.signal]) : stop.signal;
  try {
    // A camera has no last picture: it stops at the first transfer it has seen enough of.
    return await reassemble(decodeImages(cameraFrames(source, signal), options), options, { stream: true });
  } finally {
    stop.abort();
  }
}

/** What was read, the final count, and the transfers whose codes were skipped. */
export type ReadResult = Chosen & { tally: ReadTally };

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

export async function sourceAt(path: string): Promise<ReadSource> {
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
  { stream = false } = {},
): Promise<ReadResult> {
  const reassembly = new Reassembly();
  let pictures = 0;
  let noCode = 0;
  const tally = (): ReadTally => ({ pictures, 'no-code': noCode, ...reassembly.tally() });
  for await (const { name, text } of decoded) {
    pictures += 1;
    if (text === null) noCode += 1;
    else reassembly.receive(text, name);
    options.onProgress?.(tally(), reassembly.progress());
    if (stream && reassembly.finished(options.transfer)) break;
  }
  const chosen = stream ? reassembly.chooseSeen(options.transfer) : reassembly.choose(options.transfer);
  const others = chosen.others.reduce((sum, other) => sum + other.codes, 0);
  // The final count: the frames of the transfer chosen (a code that is no UR is no frame), the others' codes.
  const frames = chosen.result.kind === 'text' ? 0 : chosen.chosen.codes;
  return { ...chosen, tally: { ...tally(), new: frames, 'other-transfer': others } };
}

/** Codes read and not used: duplicates, codes of other transfers, pictures without a code. */
export const skippedCount = (tally: ReadTally): number => tally.duplicate + tally['other-transfer'] + tally['no-code'];

/** What was skipped, named: "1 duplicate", "1 code of another transfer (an address)", "2 pictures without a code". */
export function skippedParts(tally: ReadTally, others: readonly TransferSeen[]): string[] {
  return [
    ...(tally.duplicate > 0 ? [countOf(tally.duplicate, 'duplicate')] : []),
    ...others.map((o) => `${countOf(o.codes, o.animated ? 'frame' : 'code')} of another transfer (${o.what})`),
    ...(tally['no-code'] > 0 ? [`${countOf(tally['no-code'], 'picture')} without a code`] : []),
  ];
}

/**
 * A picture, or the pictures of a folder (by name, so a sequence reads in its order). A FIFO,
 * a device or a folder among them is refused before any picture is decoded.
 */
export async function picturesAt(path: string): Promise<string[]> {
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
