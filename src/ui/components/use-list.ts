import { useKeys } from '../use-keys.js';
import { useLayoutEffect } from 'react';
import { useListMemory } from './list-memory.js';
import { commandFor, type Command } from '../keymap.js';
import { useSynchronousReducer } from '../use-synchronous-reducer.js';
import { initialList, listReducer, type ListMove } from './list-state.js';

/** The keymap's movement commands and the list moves they make. */
export const LIST_MOVES: Partial<Record<Command, ListMove>> = {
  up: 'up',
  down: 'down',
  pageUp: 'page-up',
  pageDown: 'page-down',
  first: 'first',
  last: 'last',
};
export const MOVE_COMMANDS = Object.keys(LIST_MOVES) as Command[];

/**
 * Moves a cursor over `count` items with the keymap's movement keys while active. A list given
 * a name (`rememberAs`) starts where it was when it last left the screen.
 */
export function useList(count: number, height: number, isActive: boolean, rememberAs?: string) {
  const memory = useListMemory();
  const [state, dispatch, latest] = useSynchronousReducer(listReducer, () => {
    const place = rememberAs ? memory?.get(rememberAs) : undefined;
    const list = initialList(count, height);
    return place ? listReducer({ ...list, ...place }, { type: 'resize', count, height }) : list;
  });
  // On leaving: the key that opened another screen has already moved the cursor where it is.
  useLayoutEffect(() => {
    if (!rememberAs || !memory) return;
    return () => {
      const { cursor, offset } = latest();
      memory.set(rememberAs, { cursor, offset });
    };
  }, [rememberAs, memory, latest]);
  // Before the frame is drawn: a key typed as the list appears must meet its new length.
  useLayoutEffect(() => dispatch({ type: 'resize', count, height }), [count, height, dispatch]);
  useKeys((input, key) => {
    const command = commandFor(input, key, MOVE_COMMANDS);
    if (command) dispatch({ type: LIST_MOVES[command]! });
  }, isActive);
  // `current()` is the state as the keys so far have left it, for an Enter in the same burst.
  return { ...state, latest };
}
