import { useKeys } from '../use-keys.js';
import { useEffect } from 'react';
import { commandFor, type Command } from '../keymap.js';
import { useSynchronousReducer } from '../use-synchronous-reducer.js';
import { initialList, listReducer, type ListAction } from './use-list-state.js';

const MOVES: Partial<Record<Command, ListAction['type']>> = {
  up: 'up',
  down: 'down',
  pageUp: 'page-up',
  pageDown: 'page-down',
  first: 'first',
  last: 'last',
};
const MOVE_COMMANDS = Object.keys(MOVES) as Command[];

/** Moves a cursor over `count` items with the keymap's movement keys while active. */
export function useList(count: number, height: number, isActive: boolean) {
  const [state, dispatch, current] = useSynchronousReducer(listReducer, () => initialList(count, height));
  useEffect(() => dispatch({ type: 'resize', count, height }), [count, height]);
  useKeys(
    (input, key) => {
      const command = commandFor(input, key, MOVE_COMMANDS);
      if (command) dispatch({ type: MOVES[command]! } as ListAction);
    },
    isActive,
  );
  // `current()` is the state as the keys so far have left it, for an Enter in the same burst.
  return { ...state, current: () => current.current };
}
