import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { KeyHints } from '../ui/components/key-hints.js';
import { Prose } from '../ui/components/prose.js';
import { hints } from '../ui/keymap.js';
import { theme } from '../ui/theme.js';
import { useShell } from './shell-context.js';

/**
 * A y/n removal question: the title, what goes (children), a note on what it means, and the
 * answers. `warn` says which of the note and the answers is shown as the warning.
 */
export function RemoveQuestion({
  title,
  note,
  warn = 'answers',
  children,
}: {
  title: string;
  note: string;
  warn?: 'note' | 'answers';
  children: ReactNode;
}) {
  const shell = useShell();
  return (
    <Box flexDirection="column" gap={1} width={shell.width}>
      <Text bold wrap="truncate-end">
        {title}
      </Text>
      {children}
      <Prose color={warn === 'note' ? theme.warning : theme.muted}>{note}</Prose>
      <Text color={warn === 'answers' ? theme.warning : undefined}>
        {hints([
          ['yes', 'removes it'],
          ['no', 'keeps it'],
        ])}
      </Text>
      <KeyHints commands={['confirm', 'back']} />
    </Box>
  );
}

/** Shown instead of the question when what it was opened for was removed meanwhile. */
export function RemovedMeanwhile({ message, tone = 'error' }: { message: string; tone?: 'error' | 'muted' }) {
  const shell = useShell();
  return (
    <Box flexDirection="column" gap={1} width={shell.width}>
      <Prose color={theme[tone]}>{message}</Prose>
      <KeyHints commands={['back']} />
    </Box>
  );
}
