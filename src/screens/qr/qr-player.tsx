import { Box, Text } from 'ink';
import type { ShowSource } from '../../qr/show.js';
import { useShell } from '../shell-context.js';
import { useQrPlayer } from './use-qr-player.js';

/**
 * An address or a file as QR codes on the whole terminal. The lines carry their own colours,
 * black on white from the 256-colour cube, which Ink keeps (it re-splits the SGR codes, same
 * colours). They were fitted to this width; only the line saying that the terminal is too
 * small can be wider, and it is folded here, as the terminal would fold it.
 */
export function QrPlayer({ source }: { source: ShowSource }) {
  const shell = useShell();
  const lines = useQrPlayer(source)
    .flatMap((line) => fold(line, shell.width))
    .slice(0, shell.height);
  return (
    <Box flexDirection="column" width={shell.width} height={shell.height}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
    </Box>
  );
}

/** A plain line wider than `width` as lines of whole words; any other line as it is. */
export function fold(line: string, width: number): string[] {
  if ([...line].length <= width || line.includes('\u001B')) return [line];
  const folded: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && [...`${current} ${word}`].length > width) {
      folded.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return [...folded, current];
}
