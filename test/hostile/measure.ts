/**
 * Runs the real binary on one hostile input and measures it: wall time, peak memory, output.
 * A run past the time bound or the memory bound is killed (its whole process group), so a
 * runaway input cannot take the machine down with it.
 */
import { readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { startAirlock, type RunResult } from '../helpers/cli.js';

export const TIME_LIMIT_MS = 15_000;
export const MEMORY_LIMIT_KIB = 1024 * 1024;
/** Often enough to kill a decoder that allocates gigabytes before it gets far past the bound. */
const POLL_MS = 20;

/** Loads test/helpers/binary-hooks.mjs into the binary, for AIRLOCK_TEST_RSS_REPORT. */
const HOOKS = `--import=${new URL('../helpers/binary-hooks.mjs', import.meta.url).href}`;

export interface Measured extends RunResult {
  ms: number;
  /** Peak resident memory: the binary's own report at exit, or the kernel's high-water mark while it ran. */
  peakKiB: number;
  /** CPU time (user and system, all threads) as last seen while it ran: a little under the whole. */
  cpuMs: number;
  killed?: 'time' | 'memory';
}

export interface MeasureOptions {
  vault: string;
  env: Record<string, string>;
  /** A directory of the run's own, for the memory report. */
  dir: string;
}

export async function measure(args: readonly string[], { vault, env, dir }: MeasureOptions): Promise<Measured> {
  const report = join(dir, 'rss-report');
  await rm(report, { force: true });
  const started = performance.now();
  const { child, result } = startAirlock(args, {
    vault,
    cwd: dir,
    env: { ...env, NODE_OPTIONS: HOOKS, AIRLOCK_TEST_RSS_REPORT: report },
  });
  let killed: Measured['killed'];
  let highWater = 0;
  let cpuMs = 0;
  const kill = (why: 'time' | 'memory') => {
    killed ??= why;
    try {
      process.kill(-child.pid!, 'SIGKILL'); // startAirlock gives the child a process group of its own
    } catch {
      // already gone
    }
  };
  const timer = setTimeout(() => kill('time'), TIME_LIMIT_MS);
  const poll = setInterval(() => {
    highWater = Math.max(highWater, highWaterKiB(child.pid!));
    cpuMs = Math.max(cpuMs, cpuTimeMs(child.pid!));
    if (highWater > MEMORY_LIMIT_KIB) kill('memory');
  }, POLL_MS);
  try {
    const outcome = await result;
    const ms = performance.now() - started;
    const reported = Number((await readFile(report, 'utf8').catch(() => '0')).trim()) || 0;
    return { ...outcome, ms, cpuMs, peakKiB: Math.max(reported, highWater), ...(killed ? { killed } : {}) };
  } finally {
    clearTimeout(timer);
    clearInterval(poll);
  }
}

/** utime + stime of /proc/PID/stat (fields 14 and 15, after the command name), in clock ticks of 10 ms. */
function cpuTimeMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** VmHWM, the most resident memory the process has had so far (0 once it is gone). */
function highWaterKiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB$/mu.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}
