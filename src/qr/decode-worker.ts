import jsqr, { type QRCode } from 'jsqr';
import { parentPort } from 'node:worker_threads';
import { describeError, UserError } from '../errors.js';
import type { DecodeReply, DecodeRequest } from './decode-job.js';
import { suppressNoise } from './denoise.js';
import { qrCodeText } from './dense.js';
import { readImage } from './image.js';

/**
 * Reads one picture and finds its QR code, off the main thread: a large photo takes jsqr
 * a good part of a second, which would freeze the screen.
 */
// jsqr fills in its default options object when given a partial one, so every call gets its own full set.
const jsqrOptions = () => ({ inversionAttempts: 'attemptBoth' as const });

async function decode({ id, path }: DecodeRequest): Promise<DecodeReply> {
  try {
    const image = suppressNoise(await readImage(path));
    const found = jsqr.default(image.data, image.width, image.height, jsqrOptions());
    return { id, text: found ? textOf(found, path) : null };
  } catch (error) {
    const { message, hint, expected } = describeError(error);
    return { id, error: { message, ...(hint ? { hint } : {}), expected } };
  }
}

function textOf(found: QRCode, path: string): string {
  try {
    return qrCodeText(found);
  } catch (error) {
    throw new UserError(`${path} holds a damaged airlock frame (${(error as Error).message})`, 'take that picture again, or leave it out');
  }
}

parentPort?.on('message', (request: DecodeRequest) => {
  void decode(request).then((reply) => parentPort!.postMessage(reply));
});
