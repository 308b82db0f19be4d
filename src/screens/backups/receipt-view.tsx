import { Box, Text } from 'ink';
import { KeyHints } from '../../ui/components/key-hints.js';
import { Prose } from '../../ui/components/prose.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import type { Written } from './backup-export-state.js';

/** The path and the checksum are shown whole; a long list of names is cut (the file keeps it whole). */
const WHOLE = /^(file|sha256|verified):/u;

/** The receipt of a written and verified backup, until the user has read it. */
export function ReceiptView({ written }: { written: Written }) {
  const shell = useShell();
  const lines = written.receipt.replace(/\n$/u, '').split('\n');
  return (
    <Box flexDirection="column" width={shell.width}>
      <Text bold color={theme.success}>
        ✓ Backup written and verified
      </Text>
      <Text> </Text>
      {lines.map((line, i) => (
        <Text key={i} wrap={WHOLE.test(line) ? 'wrap' : 'truncate-end'}>
          {line || ' '}
        </Text>
      ))}
      <Text> </Text>
      {written.receiptFile && !written.receiptError ? (
        <Prose color={theme.muted}>{`The receipt was also saved to ${written.receiptFile}`}</Prose>
      ) : null}
      {written.receiptError ? (
        <Prose color={theme.error}>{`The receipt file was not saved: ${written.receiptError}`}</Prose>
      ) : null}
      <Text color={theme.muted} wrap="truncate-end">
        Write the sha256 down or keep the receipt with the medium.
      </Text>
      <KeyHints commands={['confirm', 'showQr', 'back']} />
    </Box>
  );
}
