import { Text } from 'ink';
import { hints, type Hint } from '../keymap.js';
import { theme } from '../theme.js';

/** The key-hint line, generated from the keymap: each command with its help, or the label given here. */
export function KeyHints({ commands }: { commands: readonly Hint[] }) {
  return (
    <Text color={theme.muted} wrap="truncate-end">
      {hints(commands)}
    </Text>
  );
}
