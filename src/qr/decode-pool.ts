import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { UserError } from '../errors.js';
import { workerUrl } from '../shipped-files.js';
import type { DecodeReply, DecodeRequest, NamedFrame } from './decode-job.js';

export interface DecodedImage {
  /** The picture's path, or the frame's name. */
  name: string;
  /** The QR code's text, or null when the picture has none. */
  text: string | null;
  /** The code's content as bytes (jsqr's binaryData), as byte-mode codes are read; null when the picture has none. */
  bytes: Uint8Array | null;
}

export interface DecodePoolOptions {
  /** Worker threads: at most 2, or `os.availableParallelism()` when lower. */
  workers?: number;
  signal?: AbortSignal;
}

/**
 * Decodes pictures in worker threads and yields each as it is done, in the order they finish:
 * picture files, or frames as a camera gives them, each taken only when a worker is free for it
 * (an endless source is stopped by whoever started it). Stopping the iteration (a transfer
 * complete) stops the workers.
 */
export async function* decodeImages(
  pictures: readonly string[] | AsyncIterable<NamedFrame>,
  options: DecodePoolOptions = {},
): AsyncGenerator<DecodedImage> {
  options.signal?.throwIfAborted();
  const files = isList(pictures) ? pictures : undefined;
  if (files?.length === 0) return;
  const script = workerUrl('qrDecode');
  const size = Math.min(options.workers ?? Math.min(2, availableParallelism()), files?.length ?? Infinity);
  const source: Iterator<string> | AsyncIterator<NamedFrame> = isList(pictures)
    ? pictures[Symbol.iterator]()
    : pictures[Symbol.asyncIterator]();
  const workers: Worker[] = [];
  const names = new Map<number, string>();
  const replies: (DecodeReply | Error)[] = [];
  let [sent, busy, sourceDone] = [0, 0, false];
  let wake: (() => void) | undefined;
  const push = (reply: DecodeReply | Error) => {
    replies.push(reply);
    wake?.();
  };
  const feed = async (worker: Worker) => {
    const next = await source.next();
    if (next.done) {
      sourceDone = true;
      return wake?.();
    }
    const id = sent++;
    busy += 1;
    const picture = next.value;
    if (typeof picture === 'string') {
      names.set(id, picture);
      worker.postMessage({ id, path: picture } satisfies DecodeRequest);
    } else {
      names.set(id, picture.name);
      // Handed over, not copied: a frame's pixels are a buffer of their own (see cameraFrames).
      worker.postMessage({ id, frame: picture } satisfies DecodeRequest, [picture.grey.buffer as ArrayBuffer]);
    }
  };
  const onAbort = () => push(options.signal!.reason as Error);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script);
      worker.on('message', (reply: DecodeReply) => {
        busy -= 1;
        push(reply);
        feed(worker).catch(push);
      });
      worker.on('error', push);
      workers.push(worker);
      feed(worker).catch(push);
    }
    for (;;) {
      while (replies.length === 0 && !(sourceDone && busy === 0))
        await new Promise<void>((resolve) => (wake = resolve));
      const reply = replies.shift();
      if (reply === undefined) return;
      if (reply instanceof Error) throw reply;
      if ('error' in reply) {
        const { message, hint, expected } = reply.error;
        throw expected ? new UserError(message, hint) : new Error(message);
      }
      const name = names.get(reply.id)!;
      names.delete(reply.id);
      yield { name, text: reply.text, bytes: reply.bytes };
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function isList(pictures: readonly string[] | AsyncIterable<NamedFrame>): pictures is readonly string[] {
  return Array.isArray(pictures);
}
