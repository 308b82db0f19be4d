import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { KeyHints } from '../../ui/components/key-hints.js';
import { hints } from '../../ui/keymap.js';
import { theme } from '../../ui/theme.js';
import { countOf } from '../../count.js';
import { useShell } from '../shell-context.js';
import { reviewLayout, SCROLL_HINTS } from './review-text.js';
import type { SignAt } from './sign-request-state.js';

/**
 * What the request asks, decoded: whose key and which chain in the title, which stays, then
 * how it was checked and the call with its arguments (or the message), scrolled when longer
 * than the screen. Each row is wrapped beforehand, so nothing is cut off and every row scrolls
 * into view.
 */
export function ReviewStep({ state }: { state: SignAt<'review' | 'signing'> }) {
  const shell = useShell();
  const layout = useMemo(
    () => reviewLayout(state.prepared, shell.width, shell.height),
    [state.prepared, shell.width, shell.height],
  );
  const { rows, height } = layout.scroll;
  const top = Math.min(state.top, Math.max(0, rows - height));
  const shown = layout.body.slice(top, top + height);
  const seenAll = state.step === 'signing' || state.seenEnd || top + height >= rows;
  return (
    <Box flexDirection="column" width={shell.width}>
      {layout.title.map((row, i) => (
        <Text key={i} bold>
          {row}
        </Text>
      ))}
      <Text> </Text>
      <Box flexDirection="column" height={height}>
        {shown.map((row, i) => (
          <Text key={top + i}>{row || ' '}</Text>
        ))}
      </Box>
      {state.step === 'review' && state.unseen ? (
        // In the place of the rows line, so the screen keeps its height.
        <Text
          color={theme.error}
        >{`Not signed: ${countOf(state.unseen, 'row')} not shown yet; scroll to the end first`}</Text>
      ) : (
        <Text color={theme.muted}>
          {rows > height
            ? `Rows ${top + 1}–${top + shown.length} of ${rows}${seenAll ? '' : ': read to the end before signing'}`
            : ' '}
        </Text>
      )}
      {state.step === 'signing' ? (
        <Text color={theme.muted}>Signing…</Text>
      ) : (
        <Text bold color={theme.warning}>
          {`Type ${hints([['approve', 'to sign it']])}, ${hints([['back', 'to refuse it']])}`}
        </Text>
      )}
      <KeyHints commands={SCROLL_HINTS} />
    </Box>
  );
}
