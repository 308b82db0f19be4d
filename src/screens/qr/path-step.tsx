import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { printable } from '../../printable.js';
import { FormField } from '../../ui/components/form-field.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import type { Hint } from '../../ui/keymap.js';
import { Prose } from '../../ui/components/prose.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { elideStart } from '../backups/backup-text.js';
import { Candidates } from '../backups/file-step.js';
import type { PathFieldState } from './path-field-state.js';

/** Title, intro, blank, field, blank, problem, help, hints, and what `children` adds. */
const CHROME_ROWS = 11;

export interface PathStepProps {
  title: string;
  intro: string;
  label: string;
  placeholder: string;
  state: PathFieldState;
  /** Said under the field: a refusal, or why reading stopped. */
  problem?: string;
  /** What an empty listing says. */
  nothing: string;
  /** What Enter on nothing chosen says. */
  missing: string;
  /** The field's keys, above the usual hints: what Tab, ↑/↓ and Enter do here. */
  hints: readonly Hint[];
  /** Lines under the field, such as how far the last reading came. */
  children?: ReactNode;
}

/** One path to type, with the files and folders it could become listed under it. */
export function PathStep({
  title,
  intro,
  label,
  placeholder,
  state,
  problem,
  nothing,
  missing,
  hints,
  children,
}: PathStepProps) {
  const shell = useShell();
  // The path field says an empty choice in general words; this screen says it in its own.
  const said = problem ?? (state.problem ? missing : undefined);
  return (
    <Box flexDirection="column" width={shell.width}>
      <Text bold>{title}</Text>
      <Prose color={theme.muted}>{intro}</Prose>
      <Text> </Text>
      <FormField
        label={label}
        value={elideStart(printable(state.path), shell.width - label.length - 5)}
        focused
        placeholder={placeholder}
      />
      <Candidates state={state} rows={Math.max(2, shell.height - CHROME_ROWS)} nothing={nothing} />
      <Text> </Text>
      {children}
      {said ? <Prose color={theme.error}>{said}</Prose> : null}
      <KeyHints commands={hints} />
      <KeyHints commands={['confirm', 'back']} />
    </Box>
  );
}
