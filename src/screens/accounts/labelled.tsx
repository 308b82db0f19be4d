import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { theme } from '../../ui/theme.js';

export const LABEL_WIDTH = 12;

export interface LabelledProps {
  label: string;
  children: ReactNode;
  /** In a form: whether this field has the keys (its label is marked). */
  focused?: boolean;
  /** Whole values (addresses, keys) wrap; everything else is cut at the edge. */
  wrap?: 'wrap' | 'truncate-end';
}

/** `Label       value`, the value in a column of its own so a wrapped value stays aligned. */
export function Labelled({ label, children, focused, wrap = 'truncate-end' }: LabelledProps) {
  const marked = focused === undefined ? label : `${focused ? '›' : ' '} ${label}`;
  return (
    <Box>
      <Box width={LABEL_WIDTH} flexShrink={0}>
        <Text bold={focused} color={focused ? theme.accent : theme.muted} wrap="truncate-end">
          {marked}
        </Text>
      </Box>
      <Box flexGrow={1} flexShrink={1}>
        <Text wrap={wrap}>{children}</Text>
      </Box>
    </Box>
  );
}
