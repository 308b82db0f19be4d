import { useInput, type Key } from 'ink';
import { createContext, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { keystrokes } from './keystrokes.js';

/**
 * Keys for the whole app come through one Ink subscription, made once, and go to whichever
 * handlers are active. Ink's own useInput subscribes in a passive effect, after the frame is
 * drawn, so a key typed right after a screen or field changed (a paste, a fast typist, a test)
 * could reach the handler that just lost it, or none. Handlers here register in a layout
 * effect and are switched in one too: both happen in the commit, before the next key is read.
 * A chunk of keys typed ahead is handed over one key at a time (see keystrokes.ts).
 */
interface Handler {
  active: boolean;
  handle: (input: string, key: Key) => void;
}

const Router = createContext<Set<Handler> | undefined>(undefined);

/**
 * While true, keys reach no handler and are dropped: the app is not on screen (a terminal too
 * small for it), so nothing typed may land in a field the user cannot see.
 */
export const KeysHeld = createContext(false);

/** Wrap the app (and any tree rendered on its own, as in tests) once; nested routers defer to the outer one. */
export function KeyRouter({ children }: { children: ReactNode }) {
  const outer = useContext(Router);
  return outer ? <>{children}</> : <Root>{children}</Root>;
}

function Root({ children }: { children: ReactNode }) {
  const [handlers] = useState(() => new Set<Handler>());
  const pasting = useRef(false);
  const queue = useRef<[string, Key][]>([]);
  const held = useContext(KeysHeld);
  const heldNow = useRef(held);
  useLayoutEffect(() => {
    heldNow.current = held;
    if (held) queue.current = [];
  }, [held]);
  // The first key of a chunk is handled at once; each further one on a timer of its own, which
  // runs after React's scheduler has committed what the key before it did, so "⏎ then text"
  // types into the screen the Enter opened, not the one it left.
  const deliver = () => {
    const next = queue.current.shift();
    if (!next) return;
    for (const handler of [...handlers]) if (handler.active) handler.handle(...next);
    if (queue.current.length > 0) setTimeout(deliver, 0);
  };
  useInput((input, key) => {
    if (heldNow.current) return;
    const idle = queue.current.length === 0;
    queue.current.push(...keystrokes(input, key, pasting));
    if (idle) deliver();
  });
  return <Router.Provider value={handlers}>{children}</Router.Provider>;
}

export function useKeys(handle: (input: string, key: Key) => void, isActive: boolean): void {
  const handlers = useContext(Router);
  if (!handlers) throw new Error('useKeys outside a KeyRouter');
  const entry = useRef<Handler>({ active: isActive, handle });
  useLayoutEffect(() => {
    entry.current.active = isActive;
    entry.current.handle = handle;
  });
  useLayoutEffect(() => {
    const mine = entry.current;
    handlers.add(mine);
    return () => void handlers.delete(mine);
  }, [handlers]);
}
