import { Box, Text } from 'ink';
import { List } from '../../ui/components/list.js';
import { hints } from '../../ui/keymap.js';
import { theme } from '../../ui/theme.js';
import { fit } from './account-columns.js';
import type { NetworkSearch } from '../network-search-state.js';

const PICKER_HINTS = hints([
  ['pick', 'choose'],
  ['confirm', 'shows the address there'],
  ['back', 'keeps it as it is'],
]);
/** Lines the picker draws besides its list. */
export const PICKER_CHROME = 4;

export function NetworkPicker({ state, accountName }: { state: NetworkSearch; accountName: string }) {
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">{`Show the address of "${accountName}" in another network`}</Text>
      <Text wrap="truncate-end">
        <Text bold>Network </Text>
        {state.query}
        <Text inverse> </Text>
        <Text
          color={theme.muted}
        >{`  ${state.matches.length} of ${state.all.length} · name, prefix or part of one`}</Text>
      </Text>
      <List
        items={state.matches}
        state={state.list}
        render={(n) =>
          `${n.name === state.current ? '●' : ' '} ${fit(n.name, 20)} ${fit(String(n.prefix), 5)} ${n.displayName}`
        }
        empty="No network has that name or prefix."
      />
      <Text color={theme.muted} wrap="truncate-end">
        {`${PICKER_HINTS} · ● shown now`}
      </Text>
    </Box>
  );
}
