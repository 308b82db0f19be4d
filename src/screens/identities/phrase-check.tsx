import { Box, Text } from 'ink';
import { KeyHints } from '../../ui/components/key-hints.js';
import { TextField } from '../../ui/components/text-field.js';
import { useTextField } from '../../ui/components/use-text-field.js';
import { COMMANDS, commandFor } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { askedWord, type QuizAction, type QuizState } from './quiz-state.js';
import { WordGrid } from './word-grid.js';
import { useKeys } from '../../ui/use-keys.js';
import { Prose } from '../../ui/components/prose.js';

export interface PhraseCheckProps {
  name: string;
  quiz: QuizState;
  isActive: boolean;
  onQuiz: (action: QuizAction) => void;
  /** Enter after a save that failed. */
  onRetry: () => void;
  onLeave: () => void;
}

/** The new words, shown once with a plain warning, then typed back at three positions. */
export function PhraseCheck({ name, quiz, isActive, onQuiz, onRetry, onLeave }: PhraseCheckProps) {
  const shell = useShell();
  const asking = quiz.phase === 'quiz';
  useKeys((input, key) => {
    const command = commandFor(input, key, ['confirm', 'back']);
    if (command === 'back') onLeave();
    else if (command === 'confirm' && quiz.phase === 'words') onQuiz({ type: 'start' });
    else if (command === 'confirm' && quiz.phase === 'passed') onRetry();
  }, isActive && !asking);
  const answer = useTextField({
    isActive: isActive && asking,
    onCancel: onLeave,
    onSubmit: (word) => {
      if (!word.trim()) return;
      answer.clear();
      onQuiz({ type: 'answer', word });
    },
    // Letters are the answer and never come here: ↑ alone goes back up to the words.
    onOtherKey: (input, key) => {
      if (commandFor(input, key, ['up'])) onQuiz({ type: 'review' });
    },
  });

  if (asking) {
    const number = askedWord(quiz)!;
    return (
      <Box flexDirection="column" gap={1}>
        <Text bold>{`Check your paper: question ${quiz.answered + 1} of ${quiz.positions.length}`}</Text>
        <TextField label={`Word #${number}?`} value={answer.value} focused={isActive} />
        {quiz.wrong ? (
          <Prose
            color={theme.error}
          >{`That is not word #${number}. Type it again, or press ↑ to see the words.`}</Prose>
        ) : (
          <Text color={theme.muted}>Type the word from your paper. ↑ shows the words again.</Text>
        )}
        <KeyHints commands={['confirm', 'back']} />
      </Box>
    );
  }
  if (quiz.phase === 'passed') {
    return (
      <Box flexDirection="column" gap={1}>
        <Text bold>{`All ${quiz.positions.length} words were right.`}</Text>
        <Text>
          {shell.busy
            ? `Saving identity "${name}"…`
            : `It was not saved (the reason is below). ${COMMANDS.confirm.keys} tries again; ${COMMANDS.back.keys} discards the words.`}
        </Text>
        <KeyHints commands={['confirm', 'back']} />
      </Box>
    );
  }
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold wrap="truncate-end">{`Recovery words for "${name}" (${quiz.words.length} words)`}</Text>
      <WordGrid words={quiz.words} width={shell.width} />
      <Prose color={theme.warning}>
        Write these words on paper, in this order, and keep it safe and offline. Anyone who sees them can take the
        funds. airlock will not show them again.
      </Prose>
      <Text>{`When they are on paper, press ${COMMANDS.confirm.keys}: you will be asked ${quiz.positions.length} of them. ${COMMANDS.back.keys} discards them.`}</Text>
      <KeyHints commands={['confirm', 'back']} />
    </Box>
  );
}
