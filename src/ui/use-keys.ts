import { useInput, type Key } from 'ink';
import { useRef } from 'react';

/**
 * Ink's useInput, subscribed for the component's whole life and switched by `isActive` at
 * once. Ink (re)subscribes handlers in an effect after the frame is drawn, so a key typed
 * right after a change of focus (a paste, a fast typist) could reach the field that just lost
 * it, or none. Here the switch is a ref set while rendering: the next key already obeys it.
 */
export function useKeys(handler: (input: string, key: Key) => void, isActive: boolean): void {
  const active = useRef(isActive);
  const latest = useRef(handler);
  active.current = isActive;
  latest.current = handler;
  useInput((input, key) => {
    if (active.current) latest.current(input, key);
  });
}
