import { commandFor, isInterrupt, type Command } from '../../ui/keymap.js';

import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import type { WordCount } from '../../vault/mnemonic.js';
import { initialWordEntry, verdictOf, wordEntryReducer } from './word-entry-state.js';
import { useKeys } from '../../ui/use-keys.js';

const CHOICES: readonly Command[] = ['previousChoice', 'nextChoice'];

export interface WordEntryOptions {
  isActive: boolean;
  /** Enter on a complete phrase whose checksum holds. */
  onDone: (phrase: string) => void;
  onCancel: () => void;
  /** The word count it starts at (12; a Ledger's phrase has 24). */
  count?: WordCount;
}

/**
 * Feeds keys to the word entry while active. This is a text field of its own kind, so it
 * reads raw keys: Tab completes, Space and Enter accept, ←/→ set the word count.
 */
export function useWordEntry({ isActive, onDone, onCancel, count }: WordEntryOptions) {
  const [state, dispatch, latest] = useSynchronousReducer(wordEntryReducer, () => initialWordEntry(count));
  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    if (key.return) {
      // Enter takes the word being typed; on a finished phrase it saves, never both at once.
      if (latest().current) return dispatch({ type: 'accept' });
      const verdict = verdictOf(latest());
      if (verdict?.ok) onDone(verdict.phrase);
    } else if (key.escape) onCancel();
    else if (key.tab) dispatch({ type: 'complete' });
    else if (key.backspace || key.delete) dispatch({ type: 'delete-back' });
    else if (commandFor(input, key, CHOICES))
      dispatch({ type: 'count', step: commandFor(input, key, CHOICES) === 'previousChoice' ? -1 : 1 });
    else if (key.ctrl || key.meta || key.upArrow || key.downArrow) return;
    else if (input) dispatch({ type: 'type', text: input });
  }, isActive);
  return state;
}
