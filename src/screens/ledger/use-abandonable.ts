import { useEffect, useRef } from 'react';

/**
 * One piece of long work at a time (a device call, a derivation): starting another, Esc, or
 * leaving the screen abandons the one under way through its signal.
 */
export function useAbandonable() {
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);
  return {
    start: () => {
      controller.current?.abort();
      controller.current = new AbortController();
      return controller.current.signal;
    },
    abandon: () => controller.current?.abort(),
  };
}
