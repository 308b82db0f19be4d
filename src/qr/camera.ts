import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { childEnvironment } from '../child-environment.js';
import { UserError } from '../errors.js';
import type { NamedFrame } from './decode-job.js';
import { MAX_DECODE_SIDE } from './image.js';

/** The longest PGM header ffmpeg writes ("P5\n1000 562\n255\n") with room to spare. */
const MAX_HEADER = 64;

/**
 * The frames of a camera (a V4L2 device such as /dev/video0) or of a video file, as ffmpeg
 * decodes them: in grey, at most MAX_DECODE_SIDE pixels a side, each read from ffmpeg only when
 * asked for. A camera meanwhile drops the frames nobody asked for, so the next one is recent;
 * a video waits. ffmpeg stops when `signal` aborts, when the video ends, or when the frames
 * are no longer wanted.
 *
 * ffmpeg writes the frames as PGM pictures one after another: a short text header with the
 * size, then one byte a pixel. Its grey is BT.601 luma rather than jsqr's weights, which moves a
 * black-and-white code by nothing and a coloured one by a few levels.
 */
export async function* cameraFrames(source: string, signal?: AbortSignal): AsyncGenerator<NamedFrame> {
  const device = await isDevice(source);
  signal?.throwIfAborted();
  const child = spawn('ffmpeg', ffmpegArguments(source, device), {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnvironment(),
  });
  // ffmpeg blocked writing a frame nobody reads would never see a signal: closing the pipe ends it.
  const stop = () => {
    child.stdout.destroy();
    child.kill();
  };
  signal?.addEventListener('abort', stop, { once: true });
  const stderrChunks: string[] = [];
  child.stderr.setEncoding('utf8').on('data', (text: string) => stderrChunks.push(text));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  exited.catch(() => {}); // awaited below, once the frames stop
  let header = Buffer.alloc(0);
  let frame: NamedFrame | undefined;
  let filled = 0;
  let count = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      let at = 0;
      while (at < chunk.length) {
        if (!frame) {
          // The header arrives whole or in pieces; it ends with the whitespace after the maximum value.
          const more = chunk.subarray(at, at + MAX_HEADER - header.length);
          header = Buffer.concat([header, more]);
          const match = /^P5\s+(\d+)\s+(\d+)\s+255\s/u.exec(header.toString('latin1'));
          if (!match) {
            if (header.length >= MAX_HEADER || !/^P5[\s\d]*$/u.test(header.toString('latin1'))) {
              throw new Error(`ffmpeg wrote something other than grey PGM frames for ${source}`);
            }
            at += more.length;
            continue;
          }
          at += match[0].length - (header.length - more.length);
          const [width, height] = [Number(match[1]), Number(match[2])];
          // A buffer of its own: the decode pool hands it to a worker without copying it.
          frame = { name: `frame ${++count} of ${source}`, width, height, grey: new Uint8Array(width * height) };
          header = Buffer.alloc(0);
          filled = 0;
        }
        const take = Math.min(chunk.length - at, frame.grey.length - filled);
        frame.grey.set(chunk.subarray(at, at + take), filled);
        [at, filled] = [at + take, filled + take];
        if (filled === frame.grey.length) {
          yield frame;
          frame = undefined;
        }
      }
    }
    const status = await exited;
    if (status !== 0 && !signal?.aborted) {
      const lastErrorLine = stderrChunks.join('').trim().split('\n').at(-1) || `exit status ${status}`;
      // ffmpeg starts its complaint with the input's name, which the message already gives.
      const reason = lastErrorLine.startsWith(`${source}: `) ? lastErrorLine.slice(source.length + 2) : lastErrorLine;
      throw new UserError(
        `ffmpeg cannot read ${source}: ${reason}`,
        device ? 'check that the camera is connected and not in use' : 'give a camera device or a video file',
      );
    }
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ENOENT' &&
      (error as NodeJS.ErrnoException).syscall?.startsWith('spawn')
    ) {
      throw new UserError(
        'reading a camera or a video needs ffmpeg, which is not installed here',
        'install it (on Debian: apt install ffmpeg), or save the frames as pictures and read those',
      );
    }
    if (signal?.aborted) return;
    throw error;
  } finally {
    signal?.removeEventListener('abort', stop);
    stop();
  }
}

/** A character device is a camera; a file, a video. Anything else is refused before ffmpeg runs. */
async function isDevice(source: string): Promise<boolean> {
  let info;
  try {
    info = await stat(source);
  } catch {
    throw new UserError(`no camera or video at ${source}`, 'give a camera device (ls /dev/video*) or a video file');
  }
  if (info.isCharacterDevice()) return true;
  if (info.isFile()) return false;
  throw new UserError(
    `${source} is neither a camera nor a video`,
    'give a camera device (ls /dev/video*) or a video file; pictures and folders go without --camera',
  );
}

function ffmpegArguments(source: string, device: boolean): string[] {
  const side = MAX_DECODE_SIDE;
  return [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error'],
    ...(device ? ['-f', 'v4l2'] : []),
    ...['-i', source, '-an', '-sn'],
    // Fit within side×side keeping the aspect, averaging pixels (area) as readImage downscales.
    ...[
      '-vf',
      `scale=w='min(iw,${side})':h='min(ih,${side})':force_original_aspect_ratio=decrease:flags=area,format=gray`,
    ],
    ...['-f', 'image2pipe', '-c:v', 'pgm', 'pipe:1'],
  ];
}
