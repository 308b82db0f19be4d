import { randomBytes } from 'node:crypto';
import { link, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { VaultBusyError } from '../errors.js';

/**
 * One writer at a time: `PATH.lock` holds the writer's process id. A lock whose process is
 * gone (killed mid-write, say) is stale and is taken over. The files a writer stages on the
 * way (`PATH.lock.PID.RANDOM.new`, `….stale`) carry its pid, so what a killed writer left is
 * told from what a live one is using, and removed by the next writer.
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
    if (await tryCreate(lockPath)) return removeLitter(lockPath);
    const holder = await readHolder(lockPath);
    if (holder !== undefined && isAlive(holder)) throw new VaultBusyError(holder);
    await breakStaleLock(lockPath);
  }
  throw new VaultBusyError((await readHolder(lockPath)) ?? 0);
}

/** Creates the lock with its content in one step (a hard link), so no reader sees it empty. */
async function tryCreate(lockPath: string): Promise<boolean> {
  const staged = stagedName(lockPath, 'new');
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
  const aside = stagedName(lockPath, 'stale');
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

function stagedName(lockPath: string, kind: 'new' | 'stale'): string {
  return `${lockPath}.${process.pid}.${randomBytes(6).toString('hex')}.${kind}`;
}

/** Files of an airlock older than pids in staged names: whoever wrote one is long gone after this. */
const UNNAMED_LITTER_AGE_MS = 10 * 60 * 1000;

/**
 * Removes what writers killed between staging and removing left (with the lock held, so none
 * is racing for it): files whose pid is dead, and unnamed ones of an older airlock once old.
 */
async function removeLitter(lockPath: string): Promise<void> {
  const prefix = `${basename(lockPath)}.`;
  const litter = new RegExp(`^(?:(\\d+)\\.)?[0-9a-f]{12}\\.(?:new|stale)$`, 'u');
  const names = await readdir(dirname(lockPath)).catch(() => [] as string[]);
  for (const name of names) {
    const match = name.startsWith(prefix) ? litter.exec(name.slice(prefix.length)) : null;
    if (!match) continue;
    const path = join(dirname(lockPath), name);
    const pid = match[1] === undefined ? undefined : Number(match[1]);
    const dead =
      pid === undefined ? await olderThan(path, UNNAMED_LITTER_AGE_MS) : pid !== process.pid && !isAlive(pid);
    if (dead) await unlink(path).catch(() => undefined);
  }
}

async function olderThan(path: string, ageMs: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(path)).mtimeMs > ageMs;
  } catch {
    return false;
  }
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
