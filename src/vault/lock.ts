import { randomBytes } from 'node:crypto';
import { link, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { VaultBusyError } from '../errors.js';

/**
 * One writer at a time: `PATH.lock` holds the writer's process id. A lock whose process is
 * gone (killed mid-write, say) is stale and is taken over.
 */
export async function withLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lockPath = `${path}.lock`;
  await acquire(lockPath);
  try {
    return await work();
  } finally {
    // Only our own lock: never one that another process took over after a mistaken break.
    if ((await readHolder(lockPath)) === process.pid) await unlink(lockPath).catch(() => undefined);
  }
}

async function acquire(lockPath: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await tryCreate(lockPath)) return;
    const holder = await readHolder(lockPath);
    if (holder !== undefined && isAlive(holder)) throw new VaultBusyError(holder);
    await breakStaleLock(lockPath);
  }
  throw new VaultBusyError((await readHolder(lockPath)) ?? 0);
}

/** Creates the lock with its content in one step (a hard link), so no reader sees it empty. */
async function tryCreate(lockPath: string): Promise<boolean> {
  const staged = `${lockPath}.${randomBytes(6).toString('hex')}.new`;
  await writeFile(staged, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
  try {
    await link(staged, lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    // No hard links on this filesystem (FAT): exclusive create, with its brief empty moment.
    return writeFile(lockPath, `${process.pid}\n`, { flag: 'wx', mode: 0o600 }).then(
      () => true,
      (e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? false : Promise.reject(e)),
    );
  } finally {
    await unlink(staged).catch(() => undefined);
  }
}

/** Moves the stale lock aside first, so two processes breaking it at once cannot both win. */
async function breakStaleLock(lockPath: string): Promise<void> {
  const aside = `${lockPath}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await rename(lockPath, aside);
  } catch {
    return; // someone else moved it; try again from the top
  }
  const moved = await readHolder(aside);
  if (moved !== undefined && isAlive(moved)) {
    // A live holder took the lock between our read and our rename: give it back.
    await link(aside, lockPath).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
    throw new VaultBusyError(moved);
  }
  await unlink(aside).catch(() => undefined);
}

async function readHolder(lockPath: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(lockPath, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
