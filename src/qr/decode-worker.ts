import type { QRCode } from 'jsqr';
import { parentPort } from 'node:worker_threads';
import { describeError, UserError } from '../errors.js';
import type { DecodeReply, DecodeRequest } from './decode-job.js';
import { suppressNoise } from './denoise.js';
import { qrCodeText } from './dense.js';
import { findQrCode } from './find.js';
import { readImage } from './image.js';

/**
 * Reads one picture and finds its QR code, off the main thread: a large photo takes jsqr
 * a good part of a second, which would freeze the screen.
 */
async function decode(request: DecodeRequest): Promise<DecodeReply> {
  const { id } = request;
  try {
    const [image, name] =
      'frame' in request ? [request.frame, request.frame.name] : [await readImage(request.path), request.path];
    const found = findQrCode(suppressNoise(image));
    if (!found) return { id, text: null, bytes: null };
    return { id, text: textOf(found, name), bytes: Uint8Array.from(found.binaryData) };
  } catch (error) {
    const { message, hint, expected } = describeError(error);
    return { id, error: { message, ...(hint ? { hint } : {}), expected } };
  }
}

function textOf(found: QRCode, name: string): string {
  try {
    return qrCodeText(found);
  } catch (error) {
    throw new UserError(
      `${name} holds a damaged airlock frame (${(error as Error).message})`,
      'take that picture again, or leave it out',
    );
  }
}

parentPort?.on('message', (request: DecodeRequest) => {
  void decode(request).then((reply) =>
    // The bytes are handed over, not copied: each reply's are a buffer of their own.
    parentPort!.postMessage(reply, 'bytes' in reply && reply.bytes ? [reply.bytes.buffer as ArrayBuffer] : []),
  );
});
