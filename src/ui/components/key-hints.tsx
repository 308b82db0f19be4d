import { Box, Text } from 'ink';
import { hints, type Hint } from '../keymap.js';
import { theme } from '../theme.js';

const SEPARATOR = ' ·';

/**
 * The key-hint line, generated from the keymap: each command with its help, or the label given
 * here. A line too narrow for all of them goes on to the next between two hints, never inside one.
 */
export function KeyHints({ commands }: { commands: readonly Hint[] }) {
  const parts = hintParts(commands);
  return (
    <Box flexWrap="wrap" columnGap={1}>
      {parts.map((part, i) => (
        <Text key={i} color={theme.muted}>
          {part}
        </Text>
      ))}
    </Box>
  );
}

/** How many lines `<KeyHints commands={commands}>` takes in a column `width` wide: for screens that fill the height. */
export function hintLineCount(commands: readonly Hint[], width: number): number {
  let lines = 0;
  let used = 0;
  for (const part of hintParts(commands)) {
    const length = [...part].length;
    if (lines > 0 && used + 1 + length <= width) used += 1 + length;
    else {
      // A new line; a hint wider than a whole line wraps within itself.
      lines += Math.max(1, Math.ceil(length / width));
      used = Math.min(length, width);
    }
  }
  return Math.max(1, lines);
}

// Each hint with the separator that follows it, so a wrapped line ends in `·` and the next starts with a key.
const hintParts = (commands: readonly Hint[]) =>
  commands.map((hint, i) => hints([hint]) + (i < commands.length - 1 ? SEPARATOR : ''));
