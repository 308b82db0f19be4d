import { Box, Text } from 'ink';
import { hints } from '../keymap.js';
import { theme } from '../theme.js';
import { TextField } from './text-field.js';
import { useTextField } from './use-text-field.js';
import { Prose } from './prose.js';

export interface ConfirmByTypingProps {
  /** What will happen, in a sentence. */
  warning: string;
  /** The word the user must type, usually the name of what is removed. */
  expected: string;
  onConfirm: () => void;
  onCancel: () => void;
  isActive: boolean;
}

/** A dangerous action goes ahead only when its name is typed exactly; Esc cancels. */
export function ConfirmByTyping({ warning, expected, onConfirm, onCancel, isActive }: ConfirmByTypingProps) {
  const field = useTextField({
    isActive,
    onCancel,
    onSubmit: (value) => {
      if (value === expected) onConfirm();
    },
  });
  const matches = field.value === expected;
  return (
    <Box flexDirection="column" gap={1}>
      <Prose color={theme.warning}>{warning}</Prose>
      <TextField label={`Type "${expected}" to confirm:`} value={field.value} focused={isActive} />
      <Text color={theme.muted}>
        {hints(
          matches
            ? [
                ['confirm', 'confirms'],
                ['back', 'cancels'],
              ]
            : [['back', 'cancels']],
        )}
      </Text>
    </Box>
  );
}
