import { Box, Text, type Key } from 'ink';
import { List } from '../../ui/components/list.js';
import { theme } from '../../ui/theme.js';
import { fit } from './account-columns.js';
import { textKeyOf } from '../../ui/components/text-keys.js';
import type { PickerAction, PickerState } from './network-picker-state.js';

/** What a key does in the open picker: letters filter, arrows move, Enter picks, Esc closes. */
export function pickerActionFor(input: string, key: Key): PickerAction | undefined {
  if (key.escape) return { type: 'close' };
  if (key.upArrow) return { type: 'move', move: 'up' };
  if (key.downArrow) return { type: 'move', move: 'down' };
  if (key.pageUp) return { type: 'move', move: 'page-up' };
  if (key.pageDown) return { type: 'move', move: 'page-down' };
  const text = textKeyOf(input, key);
  if (text?.submit) return { type: 'pick' };
  return text?.edit ? { type: 'edit', edit: text.edit } : undefined;
}

/** Lines the picker draws besides its list. */
export const PICKER_CHROME = 4;

export function NetworkPicker({ state, accountName }: { state: PickerState; accountName: string }) {
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
          `${n.name === state.shown ? '●' : ' '} ${fit(n.name, 20)} ${fit(String(n.prefix), 5)} ${n.displayName}`
        }
        empty="No network has that name or prefix."
      />
      <Text color={theme.muted} wrap="truncate-end">
        ↑/↓ choose · Enter shows the address there · Esc keeps it as it is · ● shown now
      </Text>
    </Box>
  );
}
