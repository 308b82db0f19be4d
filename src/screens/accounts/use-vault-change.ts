import { useEffect, useRef } from 'react';
import { useShell } from '../shell-context.js';
import type { VaultSession } from '../../vault/store.js';

/**
 * Runs one vault change through `shell.run` and calls `then` when it succeeded, unless the
 * screen was left meanwhile (Esc while it ran: navigating again would go one screen too far).
 * A second start while the first runs is ignored, as is Enter typed twice before the spinner.
 */
export function useVaultChange() {
  const shell = useShell();
  const running = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return <T>(
    label: string,
    work: (session: VaultSession) => Promise<T>,
    done: (result: T) => string,
    then: (result: T) => void,
  ) => {
    if (running.current) return;
    running.current = true;
    void shell
      .run(
        label,
        async (session) => ({ value: await work(session) }),
        (result) => done(result.value),
      )
      .then((result) => {
        running.current = false;
        if (result && mounted.current) then(result.value);
      });
  };
}
