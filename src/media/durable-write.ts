import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';

export interface DurableWriteOptions {
  /** Keep the file being replaced under this name (same directory), as the previous generation. */
  previous?: string;
  mode?: number;
  /** Reads the written temp file back before it takes the name: a file that fails never replaces the old one. */
  verify?: (temp: string) => Promise<void>;
}

/**
 * Replaces `path` so that a crash or a pulled medium leaves the old file or the new one,
 * never half of either: temp file in the same directory, fsync, rename, fsync the directory.
 */
export async function writeFileDurably(
  path: string,
  data: string | Uint8Array,
  options: DurableWriteOptions = {},
): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, tempName(path));
  try {
    const file = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, options.mode ?? 0o600);
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await options.verify?.(temp);
    if (options.previous) await keepPrevious(path, options.previous);
    await rename(temp, path);
    await syncDirectory(dir);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw explainWriteError(error, path);
  }
}

/** Points `previous` at the current file without a moment in which `path` is missing. */
async function keepPrevious(path: string, previous: string): Promise<void> {
  const staged = join(dirname(previous), tempName(previous));
  try {
    await link(path, staged);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // nothing to keep yet
    // Filesystems without hard links (FAT on USB sticks) get a copy instead.
    await copyFile(path, staged);
    const copy = await open(staged, 'r+');
    await copy.sync().finally(() => copy.close());
  }
  await rename(staged, previous);
}

const tempName = (path: string) => `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`;

/**
 * Deletes the temp files that writers of these paths left when they were killed. Call it
 * only while holding the lock that serialises those writers, so none is in flight.
 */
export async function removeStaleTemps(...paths: string[]): Promise<void> {
  for (const path of paths) await removeTemps(path, () => true);
}

/**
 * Deletes temp files of `path` older than `ageMs`, for writers no lock serialises (backups
 * on a medium that was pulled mid-write): a write still in flight is younger than that.
 */
export async function removeOldTemps(path: string, ageMs: number): Promise<void> {
  const before = Date.now() - ageMs;
  await removeTemps(path, async (temp) => (await stat(temp)).mtimeMs < before);
}

async function removeTemps(path: string, stale: (temp: string) => boolean | Promise<boolean>): Promise<void> {
  const dir = dirname(path);
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(path))}\\.[0-9a-f]{12}\\.tmp$`, 'u');
  const names = await readdir(dir).catch(() => [] as string[]);
  const temps = names.filter((n) => pattern.test(n)).map((n) => join(dir, n));
  await Promise.all(
    temps.map(async (temp) => (await stale(temp)) && (await unlink(temp))).map((p) => p.catch(() => undefined)),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some filesystems (and Windows) refuse fsync on a directory; the rename is done either way.
    if (!['EINVAL', 'EPERM', 'EISDIR', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

/** File-system failures as a person at a USB stick would want to hear them. */
export function explainWriteError(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException)?.code;
  const reasons: Record<string, [string, string]> = {
    ENOSPC: ['the medium is full', 'free some space or use another medium'],
    EDQUOT: ['the disk quota is used up', 'free some space or use another medium'],
    EROFS: ['the medium is read-only', 'check its write-protect switch, or use another medium'],
    EACCES: ['permission denied', 'choose a directory you may write to'],
    EPERM: ['permission denied', 'choose a directory you may write to'],
    ENOENT: ['the directory does not exist', 'check the path, or whether the medium is still mounted'],
    EIO: ['an input/output error occurred (was the medium removed?)', 'reinsert the medium and try again'],
    // What a device that has gone away answers, as a pulled USB stick or SD card does.
    ENODEV: ['the device is gone (was the medium removed?)', 'reinsert the medium and try again'],
    ENXIO: ['the device is gone (was the medium removed?)', 'reinsert the medium and try again'],
    ENOTDIR: ['a part of the path is not a directory', 'check the path'],
  };
  const reason = code ? reasons[code] : undefined;
  return reason ? new UserError(`cannot write ${path}: ${reason[0]}`, reason[1]) : error;
}
