import { Text } from 'ink';
import { WORD_COUNTS, type WordCount } from '../../vault/mnemonic.js';
import { hints } from '../../ui/keymap.js';
import { theme } from '../../ui/theme.js';

/** `Words:  12  15  18  21 [24]`, changed with ←/→; the brackets show the choice without colour too. */
export function WordCountChoice({ count, active }: { count: WordCount; active: boolean }) {
  return (
    <Text wrap="truncate-end">
      <Text bold={active}>Words: </Text>
      {WORD_COUNTS.map((c) =>
        c === count ? <Text key={c} bold color={theme.accent}>{`[${c}]`}</Text> : <Text key={c}>{` ${c} `}</Text>,
      )}
      {active ? (
        <Text color={theme.muted}>{` ${hints([[['previousChoice', 'nextChoice'], 'to change']])}`}</Text>
      ) : null}
    </Text>
  );
}
