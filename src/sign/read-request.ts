/**
 * Reads a signing request from wherever it comes: pictures and folders of its QR codes (in any
 * order), a camera or a video of them through ffmpeg, or a file holding the request itself.
 */
import { stat } from 'node:fs/promises';
import { cameraFrames } from '../qr/camera.js';
import { type DecodedImage, decodeImages } from '../qr/decode-pool.js';
import { picturesAt, sourceAt } from '../qr/read.js';
import { type FramesProgress, RequestFrames } from './frames.js';
import { looksLikeRequestFile, readRequestFile } from './request-file.js';
import { parseSignRequest, type SignRequest } from './request.js';

export type SignRequestSource =
  | { kind: 'pictures'; paths: readonly string[] }
  /** A camera device (/dev/video0) or a video file. */
  | { kind: 'camera'; path: string }
  /** The request's bytes, or their hex, in a file. */
  | { kind: 'file'; path: string };

export interface RequestTally {
  /** Pictures (or camera frames) decoded. */
  pictures: number;
  /** Codes that were frames of the request read. */
  frames: number;
  duplicates: number;
  /** Codes of other requests, and codes that are no frame of a request. */
  skipped: number;
  /** Pictures in which no QR code was found. */
  noCode: number;
}

export interface ReadRequestOptions {
  /** After each picture: what became of the pictures so far, and how far the request is. */
  onProgress?: (tally: RequestTally, progress: FramesProgress) => void;
  signal?: AbortSignal;
  /** Decoding worker threads (see decodeImages). */
  workers?: number;
}

export interface ReadRequest {
  /** The request as it came: what the signer signs from. */
  bytes: Uint8Array;
  request: SignRequest;
  tally: RequestTally;
}

/**
 * The request `source` holds, parsed (see parseSignRequest): refused with one UserError when the
 * codes hold no request, two, an incomplete one, or one airlock does not sign.
 */
export async function readSignRequest(
  source: SignRequestSource,
  options: ReadRequestOptions = {},
): Promise<ReadRequest> {
  options.signal?.throwIfAborted();
  if (source.kind === 'file') {
    const bytes = await readRequestFile(source.path);
    return { bytes, request: parseSignRequest(bytes), tally: { ...NO_CODES } };
  }
  const { bytes, tally } =
    source.kind === 'pictures' ? await readPictures(source.paths, options) : await readCamera(source.path, options);
  return { bytes, request: parseSignRequest(bytes), tally };
}

/**
 * Reads whatever one path is, as the app's one path field takes it: a folder or picture, a camera
 * or a video, or a request file (a regular file that starts as a request or as hex does).
 */
export async function readSignRequestFrom(
  path: string,
  options: ReadRequestOptions = {},
): Promise<ReadRequest & { source: SignRequestSource['kind'] }> {
  const kind = await sourceAt(path);
  let source: SignRequestSource;
  if (kind === 'folder' || kind === 'picture') source = { kind: 'pictures', paths: [path] };
  else if (kind === 'video' && (await stat(path)).isFile() && (await looksLikeRequestFile(path)))
    source = { kind: 'file', path };
  else source = { kind: 'camera', path };
  return { ...(await readSignRequest(source, options)), source: source.kind };
}

const NO_CODES: RequestTally = { pictures: 0, frames: 0, duplicates: 0, skipped: 0, noCode: 0 };

/** Every picture is read, so that what they hold, not the order they come in, decides the request. */
async function readPictures(inputs: readonly string[], options: ReadRequestOptions) {
  const paths = (await Promise.all(inputs.map(picturesAt))).flat();
  const frames = new RequestFrames();
  const tally = await receiveAll(decodeImages(paths, options), frames, options);
  return { bytes: frames.request(), tally: { ...tally, ...frames.tally() } };
}

/** A camera has no last picture: it stops at the first request complete, or when the video ends. */
async function readCamera(path: string, options: ReadRequestOptions) {
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([stop.signal, options.signal]) : stop.signal;
  const frames = new RequestFrames();
  try {
    const tally = await receiveAll(decodeImages(cameraFrames(path, signal), options), frames, options, {
      untilComplete: true,
    });
    options.signal?.throwIfAborted();
    return { bytes: frames.firstComplete() ?? frames.request(), tally: { ...tally, ...frames.tally() } };
  } finally {
    stop.abort();
  }
}

async function receiveAll(
  decoded: AsyncIterable<DecodedImage>,
  frames: RequestFrames,
  options: ReadRequestOptions,
  { untilComplete = false } = {},
): Promise<RequestTally> {
  let [pictures, noCode] = [0, 0];
  for await (const { name, bytes } of decoded) {
    pictures += 1;
    if (bytes === null) noCode += 1;
    else frames.receive(bytes, name);
    options.onProgress?.({ pictures, noCode, ...frames.tally() }, frames.progress());
    if (untilComplete && frames.complete) break;
  }
  return { pictures, noCode, ...frames.tally() };
}

// What the command and the app read a request through: one progress, whatever the frames.

export interface RequestProgress {
  pictures: number;
  frames: number;
  percent: number;
  skipped: number;
}

/** Where a request comes from on the command line: pictures and folders, a camera or video, or a file. */
export type RequestSource = { pictures: string[] } | { camera: string } | { file: string };

export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: RequestProgress) => void;
}

const progressOf = (tally: RequestTally, frames: FramesProgress): RequestProgress => ({
  pictures: tally.pictures,
  frames: tally.frames,
  percent: Math.floor(frames.fraction * 100),
  skipped: tally.skipped + tally.duplicates + tally.noCode,
});

const readingOptions = ({ signal, onProgress }: ReadOptions) => ({
  ...(signal ? { signal } : {}),
  ...(onProgress ? { onProgress: (t: RequestTally, f: FramesProgress) => onProgress(progressOf(t, f)) } : {}),
});

export async function readRequest(source: RequestSource, options: ReadOptions = {}): Promise<Uint8Array> {
  const from =
    'pictures' in source
      ? ({ kind: 'pictures', paths: source.pictures } as const)
      : 'camera' in source
        ? ({ kind: 'camera', path: source.camera } as const)
        : ({ kind: 'file', path: source.file } as const);
  return (await readSignRequest(from, readingOptions(options))).bytes;
}

/** A picture, a folder of pictures, a camera (/dev/video0), a video, or a request file, by path. */
export async function readRequestAt(path: string, options: ReadOptions = {}): Promise<Uint8Array> {
  return (await readSignRequestFrom(path, readingOptions(options))).bytes;
}
