import { Box, Text } from 'ink';

const CELL = 14; // "24. abandon" plus a gap: the longest BIP39 word has eight letters

/** Numbered words in rows, as many columns as fit (at most four), for copying onto paper. */
export function WordGrid({ words, width }: { words: readonly string[]; width: number }) {
  const columns = Math.max(1, Math.min(4, Math.floor((width + 2) / CELL)));
  const rows = Array.from({ length: Math.ceil(words.length / columns) }, (_, r) =>
    words.slice(r * columns, (r + 1) * columns),
  );
  return (
    <Box flexDirection="column">
      {rows.map((row, r) => (
        <Text key={r} wrap="truncate-end">
          {row
            .map((word, c) => `${String(r * columns + c + 1).padStart(2)}. ${word}`.padEnd(CELL))
            .join('')
            .trimEnd()}
        </Text>
      ))}
    </Box>
  );
}
