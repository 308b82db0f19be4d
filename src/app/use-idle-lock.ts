import { useEffect, useLayoutEffect, useState } from 'react';
import { countOf } from '../count.js';

/** What the open vault's screens tell the lock. */
export interface IdleLock {
  /** A key was pressed: the idle time starts again. */
  touch: () => void;
  /** Whether work that must not be cut short runs now: a write, the QR player being scanned. */
  hold: (busy: boolean) => void;
}

export interface IdleLockOptions {
  /** Counts only while true: while the vault is open. */
  armed: boolean;
  /** The idle time allowed now, read each time it is needed (the setting can change); 0 never locks. */
  limitMs: () => number;
  onLock: () => void;
}

/**
 * Calls `onLock` once `limitMs()` has passed without a key. While held, it waits: the lock
 * comes when the work ends, at once if the idle time ran out meanwhile.
 */
export function useIdleLock(options: IdleLockOptions): IdleLock {
  const [clock] = useState(() => new IdleClock());
  // The latest options, before any effect below or in the screens can ask the clock.
  useLayoutEffect(() => {
    clock.configure(options);
  });
  const { armed } = options;
  useEffect(() => {
    if (!armed) return undefined;
    clock.start();
    return () => clock.stop();
  }, [armed, clock]);
  return clock;
}

/** The time since the last key, and one timer set for when it would reach the limit. */
export class IdleClock implements IdleLock {
  private lastKey = 0;
  private busy = false;
  private running = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private options: IdleLockOptions | undefined;

  configure(options: IdleLockOptions): void {
    this.options = options;
  }

  start(): void {
    this.running = true;
    this.lastKey = Date.now();
    this.check();
  }

  /** The screens are gone, and what they held with them. */
  stop(): void {
    clearTimeout(this.timer);
    this.running = false;
    this.busy = false;
  }

  touch = (): void => {
    this.lastKey = Date.now();
    this.check();
  };

  hold = (busy: boolean): void => {
    this.busy = busy;
    this.check();
  };

  private check(): void {
    clearTimeout(this.timer);
    const { options } = this;
    const limit = this.running && options ? options.limitMs() : 0;
    if (!options || this.busy || !(limit > 0)) return;
    const left = this.lastKey + limit - Date.now();
    if (left <= 0) options.onLock();
    else this.timer = setTimeout(() => this.check(), left);
  }
}

/** `5 minutes`, `1 minute`, `2 seconds`: how long the app waited before it locked. */
export function idleTimeWords(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const [count, unit] = seconds % 60 === 0 ? [seconds / 60, 'minute'] : [seconds, 'second'];
  return countOf(count, unit);
}
