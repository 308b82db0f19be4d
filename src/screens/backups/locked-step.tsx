import { Box, Text } from 'ink';
import { BackupHeading } from './backup-heading.js';
import { printable } from '../../printable.js';
import { FormField } from '../../ui/components/form-field.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { Prose } from '../../ui/components/prose.js';
import { useShell } from '../shell-context.js';
import { hints } from '../../ui/keymap.js';
import { theme } from '../../ui/theme.js';
import { askingPosition, type ImportAt } from './backup-import-state.js';

const HINTS = hints([
  ['confirm', 'opens it, or leaves it out when empty'],
  ['back', 'leaves it out'],
]);

/**
 * Asks for the own password of an account the file's password did not open, one account at
 * a time, naming it by name and address so the user knows which password is meant.
 */
export function LockedStep({ title, state }: { title: string; state: ImportAt<'unlock' | 'unlocking'> }) {
  const shell = useShell();
  const { file, account: locked, lockedAtOpen: count } = state;
  const position = askingPosition(state);
  const unlocking = state.step === 'unlocking';
  // Named as the file names it, escaped: the file is not trusted to be printable.
  const name = locked.name === undefined ? 'An account without a name' : `"${printable(locked.name)}"`;
  return (
    <Box flexDirection="column" width={shell.width}>
      <BackupHeading title={title} file={file} />
      <Prose>
        {count === 1
          ? "One account has a password of its own: the file's password did not open it."
          : `${count} accounts have passwords of their own: the file's password did not open them.`}
      </Prose>
      <Text> </Text>
      <Text bold wrap="truncate-end">{`${count > 1 ? `${position} of ${count}: ` : ''}${name}`}</Text>
      <Text wrap="truncate-middle">{printable(locked.address)}</Text>
      <Text> </Text>
      <FormField
        label="Its password:"
        value={state.step === 'unlock' ? state.password : ''}
        focused={!unlocking}
        mask
      />
      <Text> </Text>
      {state.step === 'unlock' && state.problem ? <Prose color={theme.error}>{state.problem}</Prose> : null}
      {unlocking ? <Text color={theme.muted}>{`Opening it… (${hints([['back', 'leaves it out']])})`}</Text> : null}
      <Text color={theme.muted} wrap="truncate-end">
        {HINTS}
      </Text>
      <KeyHints commands={['confirm', 'back']} />
    </Box>
  );
}
