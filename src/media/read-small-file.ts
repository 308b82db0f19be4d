import { readFile, stat } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { formatBytes } from './format-bytes.js';

/**
 * A whole file of at most `maxBytes`, for work that holds it in memory (a file sent as QR
 * codes). The size is checked before reading, so a huge file costs no memory; `what` says in
 * the refusal what the file was for.
 */
export async function readSmallFile(path: string, maxBytes: number, what: string): Promise<Uint8Array> {
  let size: number;
  try {
    const found = await stat(path);
    if (found.isDirectory()) throw new UserError(`${path} is a folder`, 'give a file');
    size = found.size;
  } catch (error) {
    throw error instanceof UserError ? error : unreadable(path, error);
  }
  if (size === 0) throw new UserError(`${path} is empty`, 'there is nothing to send');
  if (size > maxBytes) {
    throw new UserError(`${path} is too large ${what} (${formatBytes(size)}; at most ${formatBytes(maxBytes)})`, 'move it on a removable medium instead');
  }
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw unreadable(path, error);
  }
}

function unreadable(path: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  return new UserError(code === 'ENOENT' ? `no file at ${path}` : `cannot read ${path}: ${code ?? 'error'}`, 'check the path');
}
