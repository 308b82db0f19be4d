/** The idle clock behind the app's auto-lock, on fake timers: minutes pass in no time. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleClock, idleTimeWords } from '../../src/app/use-idle-lock.js';

const MINUTE = 60_000;

describe('the idle clock', () => {
  let locks = 0;
  let limit = 5 * MINUTE;
  let clock: IdleClock;
  beforeEach(() => {
    vi.useFakeTimers();
    locks = 0;
    limit = 5 * MINUTE;
    clock = new IdleClock();
    clock.configure({ armed: true, limitMs: () => limit, onLock: () => locks++ });
  });
  afterEach(() => {
    clock.stop();
    vi.useRealTimers();
  });

  it('locks once the limit passes without a key; each key starts it again', () => {
    clock.start();
    vi.advanceTimersByTime(4 * MINUTE);
    clock.touch();
    vi.advanceTimersByTime(5 * MINUTE - 1);
    expect(locks).toBe(0);
    vi.advanceTimersByTime(1);
    expect(locks).toBe(1);
  });

  it('waits while held, and locks as soon as the work ends if the time ran out meanwhile', () => {
    clock.start();
    clock.hold(true);
    vi.advanceTimersByTime(60 * MINUTE);
    expect(locks).toBe(0);
    clock.hold(false);
    expect(locks).toBe(1);
  });

  it('after work shorter than the limit, counts from the last key', () => {
    clock.start();
    clock.hold(true);
    vi.advanceTimersByTime(2 * MINUTE);
    clock.hold(false);
    vi.advanceTimersByTime(3 * MINUTE - 1);
    expect(locks).toBe(0);
    vi.advanceTimersByTime(1);
    expect(locks).toBe(1);
  });

  it('never locks with a limit of 0, nor once stopped', () => {
    limit = 0;
    clock.start();
    vi.advanceTimersByTime(24 * 60 * MINUTE);
    expect(locks).toBe(0);
    limit = MINUTE;
    clock.touch();
    clock.stop();
    vi.advanceTimersByTime(2 * MINUTE);
    expect(locks).toBe(0);
  });

  it('reads the limit again at the next key: a shorter setting applies at once', () => {
    clock.start();
    limit = MINUTE;
    clock.touch();
    vi.advanceTimersByTime(MINUTE);
    expect(locks).toBe(1);
  });

  it('says how long it waited, in the unit it was set in', () => {
    expect(idleTimeWords(5 * MINUTE)).toBe('5 minutes');
    expect(idleTimeWords(MINUTE)).toBe('1 minute');
    expect(idleTimeWords(1000)).toBe('1 second');
    expect(idleTimeWords(3000)).toBe('3 seconds');
  });
});
