import { Box, Text } from 'ink';
import { SectionMenu, type MenuChoice } from '../section-menu.js';
import { drivesSummary } from './backup-text.js';
import { useDrives } from './use-drives.js';

const CHOICES: readonly MenuChoice[] = [
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
  const lines = drivesSummary(useDrives());
  const shown =
    lines.length > DRIVE_ROWS
      ? [...lines.slice(0, DRIVE_ROWS - 1), `…and ${lines.length - DRIVE_ROWS + 1} more`]
      : lines;
  return (
    <SectionMenu title="Backups" choices={CHOICES}>
      <Box flexDirection="column">
        {shown.map((line) => (
          <Text key={line} wrap="truncate-end">
            {line}
          </Text>
        ))}
      </Box>
    </SectionMenu>
  );
}
