import { UserError } from '../errors.js';
import { formatBytes } from './format-bytes.js';
import { explainReadError, readRegularFile } from './read-regular-file.js';

/**
 * A whole file of at most `maxBytes`, for work that holds it in memory (a file sent as QR
 * codes). The size is checked before reading, so a huge file costs no memory; `what` says in
 * the refusal what the file was for.
 */
export async function readSmallFile(path: string, maxBytes: number, what: string): Promise<Uint8Array> {
  const tooLarge = (size: number) =>
    new UserError(
      `${path} is too large ${what} (${formatBytes(size)}; at most ${formatBytes(maxBytes)})`,
      'move it on a removable medium instead',
    );
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path, maxBytes, tooLarge);
  } catch (error) {
    throw explainReadError(path, error);
  }
  if (bytes.length === 0) throw new UserError(`${path} is empty`, 'there is nothing to send');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}
