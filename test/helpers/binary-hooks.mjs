/**
 * Loaded into the real airlock binary by tests only (NODE_OPTIONS=--import=<this file>), for
 * what a test cannot do from outside the process. Inert unless one of these is set:
 *
 * AIRLOCK_TEST_FAULT  JSON {"call", "under", "error"} or {"call", "under", "pause"}: the file
 *   call "open", "writeFile" or "sync" on a file under the directory `under` fails with errno
 *   `error`, as a faulty medium's would, or waits (creates `<pause>.paused`, then waits for
 *   `<pause>.resume`) so that a test can pull the medium at that moment.
 * AIRLOCK_TEST_READ_REPORT  a file: at exit, the bytes this process read (Linux rchar) go there.
 * AIRLOCK_TEST_RSS_REPORT  a file: at exit, this process's peak resident memory in KiB
 *   (`process.resourceUsage().maxRSS`, worker threads included) goes there.
 */
import fs from 'node:fs';
import { constants } from 'node:os';
import { syncBuiltinESMExports } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { isMainThread } from 'node:worker_threads';

/** @typedef {{ call: string, under: string, error?: string, pause?: string }} Fault */
/** @typedef {import('node:fs/promises').FileHandle} FileHandle */

const fault = process.env.AIRLOCK_TEST_FAULT
  ? /** @type {Fault} */ (JSON.parse(process.env.AIRLOCK_TEST_FAULT))
  : undefined;
const report = process.env.AIRLOCK_TEST_READ_REPORT;
const rssReport = process.env.AIRLOCK_TEST_RSS_REPORT;

if (report) {
  process.on('exit', () => {
    const rchar = /^rchar: (\d+)$/mu.exec(fs.readFileSync('/proc/self/io', 'utf8'))?.[1];
    fs.writeFileSync(report, `${rchar}\n`);
  });
}

// Worker threads load this file too; the peak is the process's, written once by the main thread as it ends.
if (rssReport && isMainThread) {
  process.on('exit', () => fs.writeFileSync(rssReport, `${process.resourceUsage().maxRSS}\n`));
}

if (fault) {
  /** @param {unknown} path */
  const hits = (path) => String(path).startsWith(`${fault.under}/`);
  /**
   * Fails or waits, when this call on this file is the one chosen.
   * @param {string} call
   * @param {unknown} path
   */
  const strike = async (call, path) => {
    if (call !== fault.call || !hits(path)) return;
    if (fault.pause) {
      fs.writeFileSync(`${fault.pause}.paused`, '');
      while (!fs.existsSync(`${fault.pause}.resume`)) await sleep(10);
      return;
    }
    const error = new Error(`${fault.error}: injected by the test, ${call} '${String(path)}'`);
    const errno = /** @type {Record<string, number | undefined>} */ (constants.errno)[String(fault.error)];
    throw Object.assign(error, { code: fault.error, errno: -(errno ?? NaN), syscall: call, path });
  };
  // A FileHandle keeps no path; the kernel still knows which file its descriptor is.
  /** @param {FileHandle} handle */
  const pathOf = (handle) => fs.readlinkSync(`/proc/self/fd/${handle.fd}`);

  const realOpen = fs.promises.open;
  fs.promises.open = async (path, ...rest) => {
    await strike('open', path);
    return realOpen(path, ...rest);
  };
  syncBuiltinESMExports(); // so that `import { open } from 'node:fs/promises'` sees the wrapper

  const probe = await realOpen(process.execPath, 'r');
  const FileHandle = /** @type {FileHandle} */ (Reflect.getPrototypeOf(probe));
  await probe.close();
  // eslint-disable-next-line @typescript-eslint/unbound-method -- each is called on its handle, with .call
  const { writeFile, sync } = FileHandle;
  /** @type {FileHandle['writeFile']} */
  FileHandle.writeFile = async function (data, ...rest) {
    if (fault.call === 'writeFile' && fault.error && hits(pathOf(this))) {
      // A full medium takes what fits and refuses the rest: leave a part written, as it would.
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      await writeFile.call(this, bytes.subarray(0, 1024));
    }
    await strike('writeFile', pathOf(this));
    return writeFile.call(this, data, ...rest);
  };
  /** @type {FileHandle['sync']} */
  FileHandle.sync = async function (...rest) {
    await strike('sync', pathOf(this));
    return sync.call(this, ...rest);
  };
}

/**
 * AIRLOCK_TEST_KILL_AT  JSON {"under", "at", "trace"}: counts the calls that change files under
 *   the directory `under` (open, a FileHandle's writeFile and sync, writeFile, rename, link,
 *   unlink, copyFile) and, at call number `at` (from 1), kills this process with SIGKILL just
 *   before it runs, as a power cut would stop it there. With `trace` (a file), each call is
 *   logged there as "CALL PATH" first, so a test can count the steps of a write.
 */
const killAt = process.env.AIRLOCK_TEST_KILL_AT
  ? /** @type {{ under: string, at: number, trace?: string }} */ (JSON.parse(process.env.AIRLOCK_TEST_KILL_AT))
  : undefined;

/** @typedef {(...args: unknown[]) => Promise<unknown>} AnyCall a call patched by name, whatever it takes */

// Only the main thread writes the vault; the decode and key workers load this file too.
if (killAt && isMainThread) {
  let calls = 0;
  /** @param {unknown} path */
  const under = (path) => String(path) === killAt.under || String(path).startsWith(`${killAt.under}/`);
  /**
   * @param {string} call
   * @param {unknown} path
   */
  const step = (call, path) => {
    if (!under(path)) return;
    calls++;
    if (killAt.trace) fs.appendFileSync(killAt.trace, `${call} ${String(path)}\n`);
    if (calls === killAt.at) process.kill(process.pid, 'SIGKILL');
  };
  const changes = /** @type {const} */ (['open', 'writeFile', 'rename', 'link', 'unlink', 'copyFile']);
  const promises = /** @type {Record<(typeof changes)[number], AnyCall>} */ (/** @type {unknown} */ (fs.promises));
  for (const call of changes) {
    const real = promises[call];
    promises[call] = async (path, ...rest) => {
      step(call, path);
      return real(path, ...rest);
    };
  }
  syncBuiltinESMExports();
  const probe = await fs.promises.open(process.execPath, 'r');
  const FileHandle = /** @type {Record<'writeFile' | 'sync', AnyCall>} */ (Reflect.getPrototypeOf(probe));
  await probe.close();
  /** @param {FileHandle} handle */
  const pathOf = (handle) => fs.readlinkSync(`/proc/self/fd/${handle.fd}`);
  for (const call of /** @type {const} */ (['writeFile', 'sync'])) {
    const real = FileHandle[call];
    /** @type {(this: FileHandle, ...rest: unknown[]) => Promise<unknown>} */
    FileHandle[call] = async function (...rest) {
      step(`handle.${call}`, pathOf(this));
      return real.call(this, ...rest);
    };
  }
}
