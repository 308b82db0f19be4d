import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { theme } from '../theme.js';

/** The frame of the screens shown before the vault is open. */
export function LockFrame({ path, title, children }: { path: string; title: string; children: ReactNode }) {
  return (
    <Box flexDirection="column" paddingX={2} paddingY={1} gap={1}>
      <Text>
        <Text bold color={theme.accent}>
          airlock
        </Text>
        <Text color={theme.muted}>{`  ${path}`}</Text>
      </Text>
      <Text bold>{title}</Text>
      {children}
    </Box>
  );
}
