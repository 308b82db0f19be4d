import { Text, Transform, type TextProps } from 'ink';

/**
 * A paragraph wrapped at word boundaries. Ink's own wrapping keeps the space it breaks at, so a
 * word that ends exactly at the edge pushes that space to the start of the next line; this drops
 * it (after any colour codes the line opens with).
 */
export function Prose({ children, ...style }: Omit<TextProps, 'wrap'>) {
  return (
    <Transform transform={withoutLeadingSpace}>
      <Text {...style}>{children}</Text>
    </Transform>
  );
}

// eslint-disable-next-line no-control-regex -- colour codes begin with ESC
const COLOURS_THEN_SPACES = /^((?:\u001B\[[0-9;]*m)*) +/u;
const withoutLeadingSpace = (line: string, index: number) =>
  index === 0 ? line : line.replace(COLOURS_THEN_SPACES, '$1');
