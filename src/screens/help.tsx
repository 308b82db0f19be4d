import { Box, Text } from 'ink';
import { useKeys } from '../ui/use-keys.js';
import { COMMANDS } from '../ui/keymap.js';
import { useShell } from './shell-context.js';
import { theme } from '../ui/theme.js';

/** Every key of the keymap, generated from the same table the hints come from. */
export function Help() {
  const shell = useShell();
  useKeys((input, key) => {
    if (key.escape || input === '?' || input === 'q' || key.return) shell.navigate({ type: 'back' });
  }, true);
  const entries = Object.values(COMMANDS);
  const half = Math.ceil(entries.length / 2);
  const column = (list: typeof entries) => (
    <Box flexDirection="column" width={Math.floor(shell.width / 2)}>
      {list.map((c) => (
        <Text key={c.keys} wrap="truncate-end">
          <Text bold>{c.keys.padEnd(8)}</Text>
          {c.help}
        </Text>
      ))}
    </Box>
  );
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold>Keys</Text>
      <Box>
        {column(entries.slice(0, half))}
        {column(entries.slice(half))}
      </Box>
      <Text color={theme.muted}>
        Ctrl-C quits from anywhere. Letter keys act on lists; in a text field they are typed. Esc closes this help.
      </Text>
    </Box>
  );
}
