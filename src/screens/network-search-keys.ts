import type { Key } from 'ink';
import { textKeyOf } from '../ui/components/text-keys.js';
import { commandFor } from '../ui/keymap.js';
import type { ListMove, NetworkSearchAction } from './network-search-state.js';

const MOVE_COMMANDS = ['up', 'down', 'pageUp', 'pageDown', 'first', 'last'] as const;

const MOVES: Record<(typeof MOVE_COMMANDS)[number], ListMove> = {
  up: 'up',
  down: 'down',
  pageUp: 'page-up',
  pageDown: 'page-down',
  first: 'first',
  last: 'last',
};

/**
 * What a key does in a network search. Text goes to the query first, so letters that move in
 * other lists (j, k, g, G) are typed here; arrows, paging, Home and End move; Enter picks the
 * highlighted network and Esc closes.
 */
export function networkSearchActionFor(input: string, key: Key): NetworkSearchAction | undefined {
  const text = textKeyOf(input, key);
  if (text?.edit) return { type: 'edit', edit: text.edit };
  if (text?.submit) return { type: 'pick' };
  if (commandFor(input, key, ['back'])) return { type: 'close' };
  const move = commandFor(input, key, MOVE_COMMANDS);
  return move ? { type: 'move', move: MOVES[move] } : undefined;
}
