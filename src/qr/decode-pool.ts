import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../errors.js';
import type { DecodeReply, DecodeRequest } from './decode-job.js';

/**
 * The built worker, found from the package root whether this module runs from dist/ or, under
 * the test runner, from src/: plain Node cannot run a TypeScript worker, so both run dist/'s.
 */
const WORKER = new URL('../../dist/qr/decode-worker.js', import.meta.url);

export interface DecodedImage {
  path: string;
  /** The QR code's text, or null when the picture has none. */
  text: string | null;
}

export interface DecodePoolOptions {
  /** Worker threads: at most 2, or `os.availableParallelism()` when lower. */
  workers?: number;
  signal?: AbortSignal;
}

/**
 * Decodes the pictures in worker threads and yields each as it is done, in the order they
 * finish. Stopping the iteration (a transfer complete) stops the workers.
 */
export async function* decodeImages(paths: readonly string[], options: DecodePoolOptions = {}): AsyncGenerator<DecodedImage> {
  options.signal?.throwIfAborted();
  if (paths.length === 0) return;
  if (!existsSync(WORKER)) {
    throw new Error(`the QR worker ${fileURLToPath(WORKER)} is missing: build airlock first (npm run build)`);
  }
  const size = Math.min(options.workers ?? Math.min(2, availableParallelism()), paths.length);
  const workers: Worker[] = [];
  const replies: (DecodeReply | Error)[] = [];
  let wake: (() => void) | undefined;
  const push = (reply: DecodeReply | Error) => {
    replies.push(reply);
    wake?.();
  };
  let sent = 0;
  const send = (worker: Worker) => {
    if (sent < paths.length) worker.postMessage({ id: sent, path: paths[sent++]! } satisfies DecodeRequest);
  };
  const onAbort = () => push(options.signal!.reason as Error);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER);
      worker.on('message', (reply: DecodeReply) => {
        push(reply);
        send(worker);
      });
      worker.on('error', push);
      workers.push(worker);
      send(worker);
    }
    for (let done = 0; done < paths.length; done++) {
      while (replies.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const reply = replies.shift()!;
      if (reply instanceof Error) throw reply;
      if ('error' in reply) {
        const { message, hint, expected } = reply.error;
        throw expected ? new UserError(message, hint) : new Error(message);
      }
      yield { path: paths[reply.id]!, text: reply.text };
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
