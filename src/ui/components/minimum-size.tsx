import { Box } from 'ink';
import type { ReactNode } from 'react';
import { theme } from '../theme.js';
import { Prose } from './prose.js';
import { KeysHeld } from '../use-keys.js';
import { useTerminalSize } from '../use-terminal-size.js';

/** The smallest terminal every screen is laid out for. */
export const MINIMUM_SIZE = { columns: 80, rows: 24 } as const;

/**
 * The app, or, in a terminal smaller than it is laid out for, one sentence saying so instead of
 * a screen cut off without a word. The app stays mounted meanwhile, hidden and deaf to keys, so
 * what was under way and typed so far is there again, redrawn, once the terminal grows.
 */
export function MinimumSize({ children }: { children: ReactNode }) {
  const { columns, rows } = useTerminalSize();
  const tooSmall = columns < MINIMUM_SIZE.columns || rows < MINIMUM_SIZE.rows;
  return (
    <KeysHeld.Provider value={tooSmall}>
      {tooSmall ? <TooSmall columns={columns} rows={rows} /> : null}
      <Box display={tooSmall ? 'none' : 'flex'} flexDirection="column">
        {children}
      </Box>
    </KeysHeld.Provider>
  );
}

function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  const { columns: needed, rows: neededRows } = MINIMUM_SIZE;
  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <Prose>{`airlock needs a terminal of at least ${needed}×${neededRows}; this one is ${columns}×${rows}.`}</Prose>
      <Prose color={theme.muted}>Make the window larger to go on; Ctrl-C quits.</Prose>
    </Box>
  );
}
