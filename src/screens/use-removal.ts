import { useEffect, useRef, useState } from 'react';
import { commandFor } from '../ui/keymap.js';
import { useKeys } from '../ui/use-keys.js';
import type { VaultSession } from '../vault/store.js';
import { useShell } from './shell-context.js';

/** One removal as `shell.run` takes it: the busy line, the work, and the notice once done. */
export interface Removal<T> {
  label: string;
  work: (session: VaultSession) => Promise<T>;
  done: (result: T) => string;
}

export interface RemovalOptions {
  /** Where to go once removed; back by default. */
  afterwards?: () => void;
  /**
   * Whether y/n stay answered while the removal runs: n then leaves at once and the result is
   * not followed. By default every key waits for the removal to end.
   */
  answerWhileRemoving?: boolean;
  /** Whether keys other than y/n go to the shell (sections, help, back); they do by default. */
  shellKeys?: boolean;
}

/**
 * Owns a y/n removal question: y runs the removal once and goes on when it succeeded, or asks
 * again when it failed; n goes back. With nothing to remove (gone meanwhile) y goes back too.
 */
export function useRemoval<T>(removal: Removal<T> | undefined, options: RemovalOptions = {}) {
  const shell = useShell();
  const back = () => shell.navigate({ type: 'back' });
  const { afterwards = back, answerWhileRemoving = false, shellKeys = true } = options;
  const [removing, setRemoving] = useState(false);
  // A second y typed before the next frame must not start a second removal.
  const started = useRef(false);
  const mounted = useMounted();

  const remove = async (what: Removal<T>) => {
    if (started.current) return;
    started.current = true;
    setRemoving(true);
    // Wrapped, so that a removal whose result is falsy still counts as done.
    const removed = await shell.run(
      what.label,
      async (session) => ({ value: await what.work(session) }),
      (result) => what.done(result.value),
    );
    // Left meanwhile (n while it ran): going on would go one screen too far.
    if (removed && mounted.current) return afterwards();
    started.current = false;
    setRemoving(false);
  };

  useKeys((input, key) => {
    const command = commandFor(input, key, ['yes', 'no']);
    if (command === 'yes') void (removal ? remove(removal) : back());
    else if (command === 'no') back();
    else if (shellKeys) shell.globalKey(input, key);
  }, answerWhileRemoving || !removing);
}

function useMounted() {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
