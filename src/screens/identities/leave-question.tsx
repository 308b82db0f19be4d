import { Box, Text } from 'ink';
import { KeyHints } from '../../ui/components/key-hints.js';
import { commandFor, hints } from '../../ui/keymap.js';
import { theme } from '../../ui/theme.js';
import { useKeys } from '../../ui/use-keys.js';
import { Prose } from '../../ui/components/prose.js';

export interface LeaveQuestionProps {
  isActive: boolean;
  onLeave: () => void;
  onStay: () => void;
}

/** Leaving after the words were shown throws them away: asked once, so a stray Esc costs nothing. */
export function LeaveQuestion({ isActive, onLeave, onStay }: LeaveQuestionProps) {
  useKeys((input, key) => {
    const command = commandFor(input, key, ['confirm', 'back']);
    if (command === 'confirm') onLeave();
    else if (command === 'back') onStay();
  }, isActive);
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold>Leave without saving?</Text>
      <Prose color={theme.warning}>
        The identity is not saved yet. Leaving throws these words away: what you wrote down will not match any identity
        in this vault.
      </Prose>
      <Text>
        {hints([
          ['confirm', 'leaves and discards the words'],
          ['back', 'goes back to them'],
        ])}
      </Text>
      <KeyHints commands={['confirm', 'back']} />
    </Box>
  );
}
