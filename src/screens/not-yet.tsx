import { Box, Text } from 'ink';
import { useKeys } from '../ui/use-keys.js';
import { KeyHints } from '../ui/components/key-hints.js';
import type { Section } from '../ui/navigation.js';
import { useShell } from '../ui/shell-context.js';
import { theme } from '../ui/theme.js';

const WHAT: Partial<Record<Section, string>> = {
  qr: 'Showing addresses and files as animated QR codes, and reading QR images.',
  ledger: 'Finding accounts on a Ledger device, and recovering them offline from its words.',
};

/** A section this version does not have yet: it says so instead of pretending. */
export function NotYet({ section }: { section: Section }) {
  const shell = useShell();
  useKeys((input, key) => void shell.globalKey(input, key), true);
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold>Not available in this version</Text>
      <Text>{WHAT[section]}</Text>
      <Text color={theme.muted}>This section arrives in a later version of airlock. Nothing here touches your vault.</Text>
      <KeyHints commands={['nextSection', 'help', 'quit']} />
    </Box>
  );
}
