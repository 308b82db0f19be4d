import { useInput, type Key } from 'ink';
import { createContext, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { keystrokes } from './keystrokes.js';

/**
 * Keys for the whole app come through one Ink subscription, made once, and go to whichever
 * handlers are active. Ink's own useInput subscribes in a passive effect, after the frame is
 * drawn, so a key typed right after a screen or field changed (a paste, a fast typist, a test)
 * could reach the handler that just lost it, or none. Handlers here register in a layout
 * effect and are switched in one too: both happen in the commit, before the next key is read.
 * A chunk of keys typed ahead is handed over one key at a time (see keystrokes.ts), until the
 * screen is replaced: keys typed for one screen never land in the fields of the next.
 */
interface Handler {
  active: boolean;
  handle: (input: string, key: Key) => void;
}

interface Routing {
  handlers: Set<Handler>;
  /** Drops the keys typed ahead and not yet handed over. */
  dropTypedAhead: () => void;
}

const Router = createContext<Routing | undefined>(undefined);

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
  const [routing] = useState<Routing>(() => ({ handlers, dropTypedAhead: () => void (queue.current = []) }));
  // Whether a timer will hand over the next key: dropping the queue does not cancel it.
  const scheduled = useRef(false);
  const held = useContext(KeysHeld);
  const heldNow = useRef(held);
  useLayoutEffect(() => {
    heldNow.current = held;
    if (held) queue.current = [];
  }, [held]);
  // The first key of a chunk is handled at once; each further one on a timer of its own, which
  // runs after React's scheduler has committed what the key before it did, so "⇥ then text"
  // types into the field the Tab moved to, not the one it left.
  const deliver = () => {
    scheduled.current = false;
    const next = queue.current.shift();
    if (!next) return;
    for (const handler of [...handlers]) if (handler.active) handler.handle(...next);
    if (queue.current.length > 0) {
      scheduled.current = true;
      setTimeout(deliver, 0);
    }
  };
  useInput((input, key) => {
    if (heldNow.current) return;
    const idle = queue.current.length === 0 && !scheduled.current;
    queue.current.push(...keystrokes(input, key, pasting));
    if (idle) deliver();
  });
  return <Router.Provider value={routing}>{children}</Router.Provider>;
}

export function useKeys(handle: (input: string, key: Key) => void, isActive: boolean): void {
  const routing = useContext(Router);
  if (!routing) throw new Error('useKeys outside a KeyRouter');
  const { handlers } = routing;
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

/**
 * For whoever replaces the screen (the shell's navigation): call it as the screen changes, and
 * what was typed ahead after the key that changed it goes nowhere. A password typed ahead for a
 * field that never came must not land, in clear, in whatever field the next screen opens on.
 */
export function useDropTypedAhead(): () => void {
  const routing = useContext(Router);
  if (!routing) throw new Error('useDropTypedAhead outside a KeyRouter');
  return routing.dropTypedAhead;
}
