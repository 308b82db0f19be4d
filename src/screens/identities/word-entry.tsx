import { Box, Text } from 'ink';
import type { Hint } from '../../ui/keymap.js';
import { theme } from '../../ui/theme.js';
import { capitalise } from '../../ui/sentence.js';
import { candidates, verdictOf, wordProblem, type PhraseRefusal, type WordEntryState } from './word-entry-state.js';
import { WordCountChoice } from './word-count-choice.js';
import { WordGrid } from './word-grid.js';
import { Prose } from '../../ui/components/prose.js';

/** The word entry's own keys, for the hint line under it. */
export const WORD_HINTS: readonly Hint[] = [
  ['complete', 'completes'],
  ['takeWord', 'takes a word'],
  ['deleteBack', 'goes back'],
];

export interface WordEntryProps {
  state: WordEntryState;
  focused: boolean;
  width: number;
  /** What Enter does once the checksum holds. */
  doneHint?: string;
  /** The phrases useWordEntry was told to refuse: said here as soon as the checksum holds. */
  refuse?: PhraseRefusal;
}

/** The words so far, the word being typed with the list words it may become, and the verdict. */
export function WordEntry({ state, focused, width, doneHint = 'Enter saves the identity.', refuse }: WordEntryProps) {
  const { words, current, count } = state;
  const problem = state.refusal ?? wordProblem(current);
  const verdict = verdictOf(state, refuse);
  const shownCount = words.length >= count && current ? 'more' : count;
  return (
    <Box flexDirection="column">
      {words.length ? <WordGrid words={words} width={width} /> : <Text color={theme.muted}>No words yet.</Text>}
      <Box marginTop={1}>
        {words.length === count && !current ? (
          <Text bold>{`All ${count} words are in.`}</Text>
        ) : (
          <Text bold={focused}>{`Word ${words.length + 1} of ${shownCount}: `}</Text>
        )}
        <Text color={problem ? theme.error : undefined}>{current}</Text>
        {focused ? <Text inverse> </Text> : null}
      </Box>
      <Text color={theme.muted} wrap="truncate-end">
        {candidates(current, 12).join(' · ') || ' '}
      </Text>
      {problem ? <Prose color={theme.error}>{capitalise(problem)}</Prose> : null}
      {verdict?.ok ? <Prose color={theme.success}>{`✓ The checksum holds. ${doneHint}`}</Prose> : null}
      {verdict && !verdict.ok ? (
        <Prose color={theme.error}>{`✗ ${capitalise(verdict.message)}. Backspace goes back to change a word.`}</Prose>
      ) : null}
      <Box marginTop={1}>
        <WordCountChoice count={count} active={focused} />
      </Box>
    </Box>
  );
}
