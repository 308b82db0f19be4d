/** Waiting in tests for a condition, never for a guessed length of time. */
import { expect } from 'vitest';

export interface WaitOptions<T> {
  /** What `read()` must give; by default anything truthy. */
  until?: (value: T) => boolean;
  /** Fails the test after this long: a bound for a hung wait, not a pace. */
  timeoutMs?: number;
  /** How often to look again. */
  everyMs?: number;
}

/** Whether `shown` contains `text`, or matches it: what a wait for a text asks. */
export const shows = (shown: string, text: string | RegExp) =>
  typeof text === 'string' ? shown.includes(text) : text.test(shown);

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Reads `read()` until it is what `until` asks and returns it; fails naming `what` and the last reading. */
export async function waitUntil<T>(
  read: () => T | Promise<T>,
  what: string,
  { until = Boolean, timeoutMs = 10_000, everyMs = 5 }: WaitOptions<T> = {},
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (until(value)) return value;
    if (Date.now() - started > timeoutMs) expect.fail(`timed out waiting for ${what}; last seen:\n${String(value)}`);
    await pause(everyMs);
  }
}

/**
 * Runs `check` (which asserts) again and again for `ms`, failing the first time it fails.
 * Only for showing that something does NOT happen (a paused player draws no frame, a stopped
 * scan asks the device nothing more), where there is no event to wait for: `ms` is the time in
 * which it would have happened, written at the call in the units of what would have happened.
 */
export async function expectThroughout(ms: number, check: () => void): Promise<void> {
  const started = Date.now();
  do {
    check();
    await pause(5);
  } while (Date.now() - started < ms);
  check();
}
