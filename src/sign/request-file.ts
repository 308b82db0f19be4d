/**
 * A signing request carried on removable media instead of QR codes: the request's raw bytes, or
 * their hex as text (`0x` optional, whitespace and line breaks anywhere), as wallets and scripts
 * save one.
 */
import { open } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { formatBytes } from '../media/format-bytes.js';
import { explainReadError, readRegularFile } from '../media/read-regular-file.js';
import { MAX_REQUEST_BYTES, SUBSTRATE_PREFIX } from './request.js';

/** Hex takes two characters a byte; the rest is room for line breaks and indentation. */
const MAX_FILE_BYTES = 3 * MAX_REQUEST_BYTES;
const WHITESPACE = new Set([0x09, 0x0a, 0x0d, 0x20]);

/** The request a file holds, as bytes: bounded before it is read, hex decoded, nothing parsed yet. */
export async function readRequestFile(path: string): Promise<Uint8Array> {
  let content: Buffer;
  try {
    content = await readRegularFile(
      path,
      MAX_FILE_BYTES,
      (size) =>
        new UserError(
          `${path} is too large for a signing request (${formatBytes(size)}; at most ${formatBytes(MAX_FILE_BYTES)} of hex)`,
          'give the file the wallet saved the request to',
        ),
    );
  } catch (error) {
    throw explainReadError(path, error);
  }
  return requestFileBytes(content, path);
}

/** The bytes a request file's content stands for: itself when it starts as a request does (0x53), else its hex. */
export function requestFileBytes(content: Uint8Array, path: string): Uint8Array {
  const start = content.findIndex((byte) => !WHITESPACE.has(byte));
  if (start === -1) throw new UserError(`${path} is empty`, 'give the file the wallet saved the request to');
  // A raw request starts with 0x53, "S", which no hex text does.
  if (content[start] === SUBSTRATE_PREFIX) return new Uint8Array(content);
  const text = Buffer.from(content.buffer, content.byteOffset, content.length)
    .toString('latin1')
    .replace(/\s+/gu, '')
    .replace(/^0x/iu, '');
  if (!/^(?:[0-9a-f]{2})+$/iu.test(text)) {
    throw new UserError(
      `${path} holds neither a signing request nor one as hex`,
      'give the request as its bytes, or as hex text (53…, 0x optional)',
    );
  }
  return new Uint8Array(Buffer.from(text, 'hex'));
}

/**
 * Whether a file that is no picture looks like a request file rather than a video, from its first
 * bytes: a raw request, or hex text. A video starts with a binary header (`ftyp`, EBML, `RIFF`).
 */
export async function looksLikeRequestFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    const head = buffer.subarray(0, bytesRead);
    const start = head.findIndex((byte) => !WHITESPACE.has(byte));
    if (start === -1) return false;
    if (head[start] === SUBSTRATE_PREFIX) return true;
    return /^\s*(?:0x)?[0-9a-f\s]+$/iu.test(head.toString('latin1'));
  } finally {
    await handle.close();
  }
}
