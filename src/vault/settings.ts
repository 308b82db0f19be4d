/**
 * The vault's settings beyond the default network: how long the full-screen app may stay
 * unlocked with no key pressed. Whole minutes, so a custodian reads and sets it as said aloud.
 */
import { countOf } from '../count.js';

export const LOCK_AFTER_DEFAULT = 5;
/** A day: beyond it, 0 (never) says what is meant. */
export const LOCK_AFTER_MAX = 24 * 60;

/** What a lock-after time must be, for messages that refuse one. */
export const LOCK_AFTER_RULE = `a whole number of minutes from 0 to ${LOCK_AFTER_MAX} (0: never)`;

export const isLockAfter = (minutes: number): boolean =>
  Number.isInteger(minutes) && minutes >= 0 && minutes <= LOCK_AFTER_MAX;

/** Minutes as typed (`5`, ` 30 `), or undefined when they are not a lock-after time. */
export function parseLockAfter(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,5}$/u.test(trimmed)) return undefined;
  const minutes = Number(trimmed);
  return isLockAfter(minutes) ? minutes : undefined;
}

/** `never`, `1 minute`, `5 minutes`: the setting as the app and `airlock settings` show it. */
export function describeLockAfter(minutes: number): string {
  if (minutes === 0) return 'never';
  return countOf(minutes, 'minute');
}
