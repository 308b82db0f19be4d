import { Box, Text } from 'ink';
import type { LedgerAddress } from '../../ledger/polkadot-app.js';
import { List, ListPosition } from '../../ui/components/list.js';
import type { ListState } from '../../ui/components/list-state.js';
import { theme } from '../../ui/theme.js';
import { foundHeader, foundRow, showsPathColumn } from './ledger-text.js';

/** Rows besides the list that a screen of found addresses draws: title, header, progress, hints. */
export const FOUND_CHROME_ROWS = 9;

/** The addresses as they arrive: the last ones that fit, under a header. */
export function FoundProgress({
  found,
  width,
  height,
}: {
  found: readonly LedgerAddress[];
  width: number;
  height: number;
}) {
  const shown = found.slice(-Math.max(1, height));
  return (
    <Box flexDirection="column">
      <Text color={theme.muted} wrap="truncate-end">
        {foundHeader(width)}
      </Text>
      {shown.map((f) => (
        <Text key={f.path} wrap="truncate-end">
          {foundRow(f, width)}
        </Text>
      ))}
    </Box>
  );
}

/** The addresses found, one selected; its path under the list when the rows have no room for paths. */
export function FoundList({ found, list, width }: { found: readonly LedgerAddress[]; list: ListState; width: number }) {
  const selected = found[list.cursor];
  const position = list.count > list.height ? ` · ${list.cursor + 1}/${list.count}` : '';
  return (
    <Box flexDirection="column">
      <Text color={theme.muted} wrap="truncate-end">
        {foundHeader(width)}
      </Text>
      <List
        items={found}
        state={list}
        render={(f, isSelected) => foundRow(f, width, isSelected)}
        empty="No accounts."
      />
      {showsPathColumn(width) || !selected ? (
        <ListPosition state={list} />
      ) : (
        <Text
          color={theme.muted}
          wrap="truncate-end"
        >{`Account ${selected.account}: ${selected.path}${position}`}</Text>
      )}
    </Box>
  );
}
