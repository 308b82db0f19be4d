import { Box, Text } from 'ink';
import { KeyHints } from '../../ui/components/key-hints.js';
import { Prose } from '../../ui/components/prose.js';
import { useShell } from '../shell-context.js';
import { hints } from '../../ui/keymap.js';
import { theme } from '../../ui/theme.js';
import type { ExportAt, KeyCount } from './backup-export-state.js';

const SAME_PASSWORD_KEYS = hints([
  ['yes', 'writes it'],
  ['no', 'chooses another'],
]);
const REPLACE_KEYS = hints([
  ['yes', 'replaces it'],
  ['no', 'keeps it'],
]);

/** Between the form and the receipt: a question about the password or the file, then the write. */
export function ExportWorking({ state }: { state: ExportAt<'same-password' | 'replace' | 'writing'> }) {
  const shell = useShell();
  return (
    <Box flexDirection="column" width={shell.width} gap={1}>
      <Text bold>Export a backup</Text>
      {state.step === 'same-password' ? (
        <>
          <Prose color={theme.warning}>
            The backup password is the vault password: anyone who learns it opens both, and the backup leaves the
            vault&apos;s machine.
          </Prose>
          <Text>Write the backup with this password anyway?</Text>
          <Prose color={theme.warning}>{SAME_PASSWORD_KEYS}</Prose>
          <KeyHints commands={['yes', 'no']} />
        </>
      ) : state.step === 'replace' ? (
        <>
          <Prose>{`${state.target} already exists.`}</Prose>
          <Text>Replace it with a new backup of this vault?</Text>
          <Prose color={theme.warning}>{REPLACE_KEYS}</Prose>
          <KeyHints commands={['yes', 'no']} />
        </>
      ) : (
        <Writing target={state.target} keys={state.keys} />
      )}
    </Box>
  );
}

/** The write, and for a polkadot.js batch, its keys derived so far. */
function Writing({ target, keys }: { target: string; keys?: KeyCount | undefined }) {
  return (
    <>
      <Prose>{`Writing ${target}, then reading it back and decrypting it to verify it…`}</Prose>
      {keys ? (
        <Text>{`Keys derived: ${keys.done.toLocaleString('en')} of ${keys.total.toLocaleString('en')}`}</Text>
      ) : null}
      <Text color={theme.muted}>Leave the medium in until the receipt shows.</Text>
    </>
  );
}
