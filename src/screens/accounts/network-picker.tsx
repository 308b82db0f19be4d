import { Box, Text } from 'ink';
import { List } from '../../ui/components/list.js';
import { hints } from '../../ui/keymap.js';
import { theme } from '../../ui/theme.js';
import { fit } from './account-columns.js';
import type { NetworkSearch } from '../network-search-state.js';

/** Lines the picker draws besides its list. */
export const PICKER_CHROME = 4;

export interface NetworkPickerProps {
  state: NetworkSearch;
  /** What picking does, e.g. `Show the address of "alice" in another network`. */
  title: string;
  /** What Enter does there, e.g. "shows the address there". */
  picks: string;
  /** What the ● marks, e.g. "shown now", when the network in use is among those offered. */
  marked?: string;
  /** Said when nothing matches, in place of the plain "no network has that name". */
  empty?: string;
}

/**
 * A live search over networks: what is typed narrows the list, a typo is answered with the names
 * it is probably a typo of, and Enter takes the highlighted one.
 */
export function NetworkPicker({ state, title, picks, marked, empty }: NetworkPickerProps) {
  const status = state.guessed
    ? state.matches.length > 0
      ? `no network has "${state.query}"; did you mean:`
      : ''
    : `${state.matches.length} of ${state.all.length} · name, prefix or part of one`;
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {title}
      </Text>
      <Text wrap="truncate-end">
        <Text bold>Network </Text>
        {state.query}
        <Text inverse> </Text>
        <Text color={state.guessed ? theme.warning : theme.muted}>{`  ${status}`}</Text>
      </Text>
      <List
        items={state.matches}
        state={state.list}
        render={(n) =>
          `${n.name === state.current ? '●' : ' '} ${fit(n.name, 20)} ${fit(String(n.prefix), 5)} ${n.displayName}`
        }
        empty={empty ?? 'No network has that name or prefix.'}
      />
      <Text color={theme.muted} wrap="truncate-end">
        {`${hints([
          ['pick', 'choose'],
          ['confirm', picks],
          ['back', 'keeps it as it is'],
        ])}${marked ? ` · ● ${marked}` : ''}`}
      </Text>
    </Box>
  );
}
