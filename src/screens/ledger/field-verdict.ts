import { describeError } from '../../errors.js';
import { capitalise } from '../../ui/sentence.js';

/** A field read with the function the command line uses: its value, or what is wrong with it. */
export type Verdict<T> = { ok: true; value: T } | { ok: false; problem: string };

export function verdict<T>(read: () => T): Verdict<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    return { ok: false, problem: capitalise(describeError(error).message) };
  }
}

/** The problem a field shows, if it has one. */
export const problemOf = <T>(read: Verdict<T>) => (read.ok ? undefined : read.problem);
