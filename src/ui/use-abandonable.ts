import { useEffect, useRef } from 'react';

/** One piece of long work under way: the signal that abandons it, and its number. */
export interface Work {
  signal: AbortSignal;
  /** New for every piece of work, so a reducer can tell its answers from those of one abandoned before it. */
  call: number;
}

/**
 * One piece of long work at a time (a device call, a derivation): starting another, Esc, or
 * leaving the screen abandons the one under way through its signal.
 */
export function useAbandonable() {
  const controller = useRef<AbortController | undefined>(undefined);
  const calls = useRef(0);
  useEffect(() => () => controller.current?.abort(), []);
  return {
    start: (): Work => {
      controller.current?.abort();
      controller.current = new AbortController();
      return { signal: controller.current.signal, call: ++calls.current };
    },
    abandon: () => controller.current?.abort(),
  };
}
