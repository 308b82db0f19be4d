import { Box, Text } from 'ink';
import { KeyHints } from '../../ui/components/key-hints.js';
import { Prose } from '../../ui/components/prose.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';

/** Between the form and the receipt: a question about the password or the file, then the write. */
interface ExportWorkingProps {
  state: 'same-password' | 'replace' | 'writing';
  target: string;
  /** A polkadot.js batch's keys derived so far. */
  keys?: { done: number; total: number } | undefined;
}

export function ExportWorking({ state, target, keys }: ExportWorkingProps) {
  const shell = useShell();
  return (
    <Box flexDirection="column" width={shell.width} gap={1}>
      <Text bold>Export a backup</Text>
      {state === 'same-password' ? (
        <>
          <Prose color={theme.warning}>
            The backup password is the vault password: anyone who learns it opens both, and the backup leaves the
            vault&apos;s machine.
          </Prose>
          <Text>Write the backup with this password anyway?</Text>
          <Text color={theme.warning}>y or Enter writes it · n or Esc chooses another</Text>
          <KeyHints commands={['yes', 'no']} />
        </>
      ) : state === 'replace' ? (
        <>
          <Prose>{`${target} already exists.`}</Prose>
          <Text>Replace it with a new backup of this vault?</Text>
          <Text color={theme.warning}>y or Enter replaces it · n or Esc keeps it</Text>
          <KeyHints commands={['yes', 'no']} />
        </>
      ) : (
        <>
          <Prose>{`Writing ${target}, then reading it back and decrypting it to verify it…`}</Prose>
          {keys ? (
            <Text>{`Keys derived: ${keys.done.toLocaleString('en')} of ${keys.total.toLocaleString('en')}`}</Text>
          ) : null}
          <Text color={theme.muted}>Leave the medium in until the receipt shows.</Text>
        </>
      )}
    </Box>
  );
}
