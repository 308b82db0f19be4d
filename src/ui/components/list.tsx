import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { theme } from '../theme.js';
import type { ListState } from './list-state.js';

export interface ListProps<T> {
  items: readonly T[];
  state: ListState;
  render: (item: T, selected: boolean) => ReactNode;
  empty: string;
}

/** Draws only the rows in view, so a list of 10,000 costs what a screenful costs. */
export function List<T>({ items, state, render, empty }: ListProps<T>) {
  if (items.length === 0) return <Text color={theme.muted}>{empty}</Text>;
  const visible = items.slice(state.offset, state.offset + state.height);
  return (
    <Box flexDirection="column">
      {visible.map((item, i) => {
        const selected = state.offset + i === state.cursor;
        return (
          <Text key={state.offset + i} inverse={selected} wrap="truncate-end">
            {render(item, selected)}
          </Text>
        );
      })}
    </Box>
  );
}

/** `12/340` under a list, when it does not all fit. */
export function ListPosition({ state }: { state: ListState }) {
  if (state.count <= state.height) return null;
  return <Text color={theme.muted}>{`${state.cursor + 1}/${state.count}`}</Text>;
}
