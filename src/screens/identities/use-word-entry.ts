import { commandFor, formKeyOf, isInterrupt } from '../../ui/keymap.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import type { WordCount } from '../../vault/mnemonic.js';
import { initialWordEntry, verdictOf, wordEntryReducer, type PhraseRefusal } from './word-entry-state.js';

/** What the word entry answers to; any other key that types text is part of a word. */
const WORD_COMMANDS = [
  'confirm',
  'back',
  'complete',
  'takeWord',
  'deleteBack',
  'previousChoice',
  'nextChoice',
] as const;

export interface WordEntryOptions {
  isActive: boolean;
  /** Enter on a complete phrase whose checksum holds. */
  onDone: (phrase: string) => void;
  onCancel: () => void;
  /** The word count it starts at (12; a Ledger's phrase has 24). */
  count?: WordCount;
  /** A phrase Enter must not take though its checksum holds; the entry says why (give WordEntry the same). */
  refuse?: PhraseRefusal;
}

/**
 * Feeds keys to the word entry while active. This is a text field of its own kind: Tab
 * completes, Space and Enter accept, ←/→ set the word count.
 */
export function useWordEntry({ isActive, onDone, onCancel, count, refuse }: WordEntryOptions) {
  const [state, dispatch, latest] = useSynchronousReducer(wordEntryReducer, () => initialWordEntry(count));
  const enter = () => {
    // Enter takes the word being typed; on a finished phrase it saves, never both at once.
    if (latest().current) return dispatch({ type: 'accept' });
    const verdict = verdictOf(latest(), refuse);
    if (verdict?.ok) onDone(verdict.phrase);
  };
  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    const command = commandFor(input, key, WORD_COMMANDS);
    switch (command) {
      case 'confirm':
        return enter();
      case 'back':
        return onCancel();
      case 'complete':
        return dispatch({ type: 'complete' });
      // A space ends the word as it does between the words of a pasted phrase.
      case 'takeWord':
        return dispatch({ type: 'type', text: input });
      case 'deleteBack':
        return dispatch({ type: 'delete-back' });
      case 'previousChoice':
      case 'nextChoice':
        return dispatch({ type: 'count', step: command === 'previousChoice' ? -1 : 1 });
      default: {
        const formKey = formKeyOf(input, key);
        if (formKey && 'insert' in formKey) dispatch({ type: 'type', text: formKey.insert });
      }
    }
  }, isActive);
  return state;
}
