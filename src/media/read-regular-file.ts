import { constants, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { UserError } from '../errors.js';

/** Read a chunk at a time past the size a file had when opened: a file that grows is cut at the limit. */
const CHUNK = 64 * 1024;

/**
 * The bytes of a file the user named or a folder held, at most `maxBytes` of them, or
 * `tooLarge(size)` thrown. Only a regular file is read (a symlink to one is fine): a FIFO, a
 * device or a socket is refused with one clear message before a byte is read, as a FIFO would
 * block and a device such as /dev/zero never ends. The file is opened without blocking, its
 * kind and size taken from the open descriptor, and never more than `maxBytes + 1` bytes are
 * read, whatever the size said.
 *
 * A folder throws EISDIR and a missing file ENOENT, as readFile does, so that callers keep
 * their own words for them (`explainReadError` has plain ones).
 */
export async function readRegularFile(
  path: string,
  maxBytes: number,
  tooLarge: (size: number) => Error,
): Promise<Buffer> {
  // From the path first, so that a device is not even opened (opening some has effects).
  checkRegular(path, await stat(path).catch((error: unknown) => rethrow(path, error)));
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    return rethrow(path, error);
  }
  try {
    // The path may name another file by now: what counts is the one opened.
    const { size } = checkRegular(path, await handle.stat());
    if (size > maxBytes) throw tooLarge(size);
    return await readAtMost(handle, size, maxBytes, tooLarge);
  } finally {
    await handle.close();
  }
}

async function readAtMost(
  handle: FileHandle,
  size: number,
  maxBytes: number,
  tooLarge: (size: number) => Error,
): Promise<Buffer> {
  const first = Buffer.alloc(size);
  let length = 0;
  while (length < size) {
    const { bytesRead } = await handle.read(first, length, size - length, null);
    if (bytesRead === 0) return first.subarray(0, length); // it shrank while read
    length += bytesRead;
  }
  // Most files end where their size said; a file that grows (or a /proc file, size 0) goes on.
  const more: Buffer[] = [];
  for (;;) {
    const chunk = Buffer.alloc(Math.min(CHUNK, maxBytes + 1 - length));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    more.push(chunk.subarray(0, bytesRead));
    length += bytesRead;
    if (length > maxBytes) throw tooLarge(length);
  }
  return more.length === 0 ? first : Buffer.concat([first, ...more]);
}

/** What a path that is no regular file is, in the words of a refusal. */
function kindOf(info: Stats): string | undefined {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return undefined;
}

function checkRegular(path: string, info: Stats): Stats {
  if (info.isFile()) return info;
  if (info.isDirectory()) {
    throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), {
      code: 'EISDIR',
      path,
    });
  }
  throw new UserError(
    `${path} is not a regular file (${kindOf(info) ?? 'a special file'})`,
    'give an ordinary file, not a pipe or a device',
  );
}

function rethrow(path: string, error: unknown): never {
  if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw linkLoop(path);
  throw error;
}

const linkLoop = (path: string) =>
  new UserError(
    `${path}: too many levels of symbolic links`,
    'a link points back to itself: give the file it should name',
  );

/**
 * Refuses, as `readRegularFile` would, a path that is no regular file (a folder as EISDIR), for
 * a list of files checked before any is read.
 */
export async function checkRegularFile(path: string): Promise<void> {
  checkRegular(path, await stat(path).catch((error: unknown) => rethrow(path, error)));
}

/** Plain words for a file that could not be read, for callers with none of their own. */
export function explainReadError(path: string, error: unknown): Error {
  if (error instanceof UserError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) return error as Error;
  if (code === 'ENOENT') return new UserError(`no file at ${path}`, 'check the path');
  if (code === 'ELOOP') return linkLoop(path);
  if (code === 'EISDIR') return new UserError(`${path} is a folder`, 'give a file');
  if (code === 'ENOTDIR') return new UserError(`no file at ${path} (a part of the path is a file)`, 'check the path');
  if (code === 'EACCES' || code === 'EPERM')
    return new UserError(`cannot read ${path}: permission denied`, 'check who owns it');
  if (code === 'EIO' || code === 'ENODEV' || code === 'ENXIO') {
    return new UserError(`cannot read ${path}: the medium failed or was removed`, 'reinsert the medium and try again');
  }
  return new UserError(`cannot read ${path}: ${code}`, 'check the path');
}
