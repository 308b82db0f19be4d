import { Box, Text } from 'ink';
import { KeyHints } from '../../ui/components/key-hints.js';
import { List } from '../../ui/components/list.js';
import { useList } from '../../ui/components/use-list.js';
import { commandFor } from '../../ui/keymap.js';
import type { Screen } from '../navigation.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { useKeys } from '../../ui/use-keys.js';
import { drivesSummary } from './backup-text.js';
import { useDrives } from './use-drives.js';

interface Choice {
  label: string;
  about: string;
  opens: Screen;
}

const CHOICES: readonly Choice[] = [
  {
    label: 'Export a backup',
    about: 'Writes the vault to a password-protected file, reads it back to verify it, and shows a receipt.',
    opens: { name: 'backup-export' },
  },
  {
    label: 'Import a backup',
    about: 'Shows what a backup holds and what is new, then adds what is new to this vault.',
    opens: { name: 'backup-import', verifyOnly: false },
  },
  {
    label: 'Verify a backup (changes nothing)',
    about: 'Proves a backup decrypts with its password and lists what it holds. The vault is not touched.',
    opens: { name: 'backup-import', verifyOnly: true },
  },
];

/** Rows kept for drives: more are summed up, so the menu never scrolls off. */
const DRIVE_ROWS = 4;

/** The backups section: three things to do, and where a backup could go right now. */
export function BackupsHome() {
  const shell = useShell();
  const drives = useDrives();
  const list = useList(CHOICES.length, CHOICES.length, true);

  useKeys((input, key) => {
    const command = commandFor(input, key, ['confirm']);
    const choice = CHOICES[list.latest().cursor];
    if (command === 'confirm' && choice) shell.navigate({ type: 'open', screen: choice.opens });
    else shell.globalKey(input, key);
  }, true);

  const lines = drivesSummary(drives);
  const shown =
    lines.length > DRIVE_ROWS
      ? [...lines.slice(0, DRIVE_ROWS - 1), `…and ${lines.length - DRIVE_ROWS + 1} more`]
      : lines;
  return (
    <Box flexDirection="column" width={shell.width} gap={1}>
      <Text bold>Backups</Text>
      <List
        items={CHOICES}
        state={list}
        render={(choice, selected) => `${selected ? '›' : ' '} ${choice.label}`}
        empty=""
      />
      <Text color={theme.muted}>{CHOICES[list.cursor]?.about}</Text>
      <Box flexDirection="column">
        {shown.map((line) => (
          <Text key={line} wrap="truncate-end">
            {line}
          </Text>
        ))}
      </Box>
      <KeyHints commands={['confirm', 'nextSection', 'help', 'quit']} />
    </Box>
  );
}
