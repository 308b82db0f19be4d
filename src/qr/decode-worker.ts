import jsqr from 'jsqr';
import { parentPort } from 'node:worker_threads';
import { describeError } from '../errors.js';
import type { DecodeReply, DecodeRequest } from './decode-job.js';
import { readImage } from './image.js';

/**
 * Reads one picture and finds its QR code, off the main thread: a large photo takes jsqr
 * a good part of a second, which would freeze the screen.
 */
// jsqr fills in its default options object when given a partial one, so every call gets its own full set.
const jsqrOptions = () => ({ inversionAttempts: 'attemptBoth' as const });

async function decode({ id, path }: DecodeRequest): Promise<DecodeReply> {
  try {
    const image = await readImage(path);
    const found = jsqr.default(image.data, image.width, image.height, jsqrOptions());
    return { id, text: found ? found.data : null };
  } catch (error) {
    const { message, hint, expected } = describeError(error);
    return { id, error: { message, ...(hint ? { hint } : {}), expected } };
  }
}

parentPort?.on('message', (request: DecodeRequest) => {
  void decode(request).then((reply) => parentPort!.postMessage(reply));
});
