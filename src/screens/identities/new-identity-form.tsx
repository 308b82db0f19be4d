import { Box, Text } from 'ink';
import { KeyHints } from '../../ui/components/key-hints.js';
import { TextField } from '../../ui/components/text-field.js';
import { commandFor, type Command } from '../../ui/keymap.js';
import { theme } from '../../ui/theme.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import type { WordCount } from '../../vault/mnemonic.js';
import { useIdentityName } from './use-identity-name.js';
import { stepWordCount } from './word-entry-state.js';
import { WordCountChoice } from './word-count-choice.js';

const CHOICES: readonly Command[] = ['previousChoice', 'nextChoice'];

export interface NewIdentityFormProps {
  isActive: boolean;
  onSubmit: (name: string, count: WordCount) => void;
  onCancel: () => void;
}

/** The name of the new identity and how many words it gets; nothing secret exists yet. */
export function NewIdentityForm({ isActive, onSubmit, onCancel }: NewIdentityFormProps) {
  const [count, step, latest] = useSynchronousReducer(stepWordCount, 24);
  const name = useIdentityName({
    isActive,
    onCancel,
    // The count as the keys so far left it: ← and Enter may arrive in one burst.
    onSubmit: (value) => onSubmit(value, latest()),
    onOtherKey: (input, key) => {
      const choice = commandFor(input, key, CHOICES);
      if (choice) step(choice === 'previousChoice' ? -1 : 1);
    },
  });
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold>New identity</Text>
      <Box flexDirection="column">
        <TextField
          label="Name:"
          value={name.value}
          focused={isActive}
          placeholder="e.g. savings"
          problem={name.problem}
        />
        <WordCountChoice count={count} active={isActive} />
      </Box>
      <Text color={theme.muted}>
        airlock makes new recovery words and shows them once. Have paper and a pen ready before you go on.
      </Text>
      <KeyHints commands={['confirm', 'back']} />
    </Box>
  );
}
