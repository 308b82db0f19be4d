import type { Key } from 'ink';
import { textKeyOf } from '../ui/components/text-keys.js';
import { commandFor } from '../ui/keymap.js';
import { LIST_MOVES, MOVE_COMMANDS } from '../ui/components/use-list.js';
import type { NetworkSearchAction } from './network-search-state.js';

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
  const command = commandFor(input, key, MOVE_COMMANDS);
  const move = command && LIST_MOVES[command];
  return move ? { type: 'move', move } : undefined;
}
