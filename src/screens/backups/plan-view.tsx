import { Box, Text } from 'ink';
import { BackupHeading } from './backup-heading.js';
import { useMemo } from 'react';
import { KeyHints } from '../../ui/components/key-hints.js';
import { List, ListPosition } from '../../ui/components/list.js';
import { Prose } from '../../ui/components/prose.js';
import type { ListState } from '../../ui/components/list-state.js';
import type { Command } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import type { PlannedEntry } from '../../vault/import-plan.js';
import { describePlanned, nameColumn, plannedName, plannedRow } from './backup-text.js';

/** Title, file, blank, header, position, the cut row whole (two rows), blank, outcome (wrapped: up to four rows), problem, hints. */
export const PLAN_CHROME_ROWS = 15;
/** Columns before the name (the kind) and after it (the gap). */
const KIND_AND_GAP = 11;

export interface PlanViewProps {
  title: string;
  file: string;
  entries: readonly PlannedEntry[];
  list: ListState;
  /** What it means, and what the keys do now. */
  outcome: { text: string; tone: 'success' | 'warning' | 'muted' }[];
  problem?: string;
  hints: readonly Command[];
}

/** Every entry of a backup with what importing it does (or did): add, add under another name, skip. */
export function PlanView({ title, file, entries, list, outcome, problem, hints }: PlanViewProps) {
  const shell = useShell();
  // Names give way to what happens to them, down to a few letters: a reason matters more.
  const longestWhat = useMemo(
    () => entries.reduce((most, e) => Math.max(most, describePlanned(e).length), 0),
    [entries],
  );
  const width = nameColumn(
    entries,
    Math.max(8, Math.min(Math.floor(shell.width / 3), shell.width - KIND_AND_GAP - longestWhat)),
  );
  const selected = entries[list.cursor];
  // The selected row, whole, when its name or what happens to it does not fit.
  const cut =
    selected && ([...plannedName(selected)].length > width || [...plannedRow(selected, width)].length > shell.width);
  return (
    <Box flexDirection="column" width={shell.width}>
      <BackupHeading title={title} file={file} />
      <Text color={theme.muted} wrap="truncate-end">{`${'KIND'.padEnd(9)}${'NAME'.padEnd(width + 2)}WHAT`}</Text>
      <List
        items={entries}
        state={list}
        render={(entry) => plannedRow(entry, width)}
        empty="The backup holds nothing."
      />
      <ListPosition state={list} />
      {cut ? (
        <Box height={2} overflow="hidden">
          <Prose color={theme.muted}>{`${plannedName(selected)}: ${describePlanned(selected)}`}</Prose>
        </Box>
      ) : null}
      <Text> </Text>
      {outcome.map((line) => (
        <Prose key={line.text} color={theme[line.tone]}>
          {line.text}
        </Prose>
      ))}
      {problem ? (
        <Text color={theme.error} wrap="truncate-end">
          {problem}
        </Text>
      ) : null}
      <KeyHints commands={hints} />
    </Box>
  );
}
