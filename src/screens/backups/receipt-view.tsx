import { Box, Text } from 'ink';
import { KeyHints } from '../../ui/components/key-hints.js';
import { Prose } from '../../ui/components/prose.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import type { Written } from './backup-export-state.js';

/** The path is shown whole; a long list of names is cut (the file keeps it whole). */
const WHOLE = /^(file|verified):/u;
const SHA256 = /^(sha256: +)([0-9a-f]{64})$/u;

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
      {lines.map((line, i) => {
        const hash = SHA256.exec(line);
        if (hash) return <HashLines key={i} label={hash[1]!} hex={hash[2]!} width={shell.width} />;
        return (
          <Text key={i} wrap={WHOLE.test(line) ? 'wrap' : 'truncate-end'}>
            {line || ' '}
          </Text>
        );
      })}
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
      <KeyHints commands={[[['confirm', 'back'], 'done'], 'showQr']} />
    </Box>
  );
}

/**
 * A SHA-256 in eight groups of eight hex digits, as a person reads it aloud or compares it with
 * a written copy: on one line where it fits, else two lines of four, never broken inside a group.
 */
function HashLines({ label, hex, width }: { label: string; hex: string; width: number }) {
  const groups = hex.match(/.{8}/gu) ?? [hex];
  const oneLine = `${label}${groups.join(' ')}`;
  if (oneLine.length <= width) return <Text>{oneLine}</Text>;
  return (
    <Box flexDirection="column">
      <Text>{`${label}${groups.slice(0, 4).join(' ')}`}</Text>
      <Text>{`${' '.repeat(label.length)}${groups.slice(4).join(' ')}`}</Text>
    </Box>
  );
}
