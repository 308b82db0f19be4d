import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { List } from '../../ui/components/list.js';
import { MOVE_COMMANDS } from '../../ui/components/use-list.js';
import { hints } from '../../ui/keymap.js';
import type { ListState } from '../../ui/components/list-state.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { accountAddress } from '../../vault/accounts.js';
import type { Account } from '../../vault/model.js';
import { fit, shortenMiddle } from '../accounts/account-columns.js';

/** Title, count, header, position, two hint lines. */
export const PICKER_CHROME_ROWS = 6;

const MARK_KEYS = hints([
  ['toggle', 'marks or unmarks'],
  [MOVE_COMMANDS, 'move'],
]);
const LEAVE_KEYS = hints([
  ['confirm', 'done, on to the format'],
  ['back', 'back to the form'],
]);

export interface AccountPickerProps {
  accounts: readonly Account[];
  /** Public keys of the marked accounts. */
  chosen: ReadonlySet<string>;
  list: ListState;
}

/**
 * The vault's accounts with a mark each, for an export of chosen accounts. Only the rows in
 * view are drawn (and their addresses encoded), so ten thousand accounts cost a screenful.
 */
export function AccountPicker({ accounts, chosen, list }: AccountPickerProps) {
  const shell = useShell();
  const longest = useMemo(() => accounts.reduce((most, a) => Math.max(most, [...a.name].length), 0), [accounts]);
  const nameWidth = Math.max(8, Math.min(longest, 24, Math.floor((shell.width - 8) / 3)));
  // Cursor marker, checkbox, name, gap: the address has the rest, shortened in the middle.
  const addressWidth = Math.max(13, shell.width - 6 - nameWidth - 2);
  const row = (account: Account, selected: boolean) =>
    `${selected ? '›' : ' '} ${chosen.has(account.publicKey) ? '[x]' : '[ ]'} ${fit(account.name, nameWidth)}  ${shortenMiddle(accountAddress(account), addressWidth)}`;
  return (
    <Box flexDirection="column" width={shell.width}>
      <Text bold>Export a backup: choose the accounts</Text>
      <Text wrap="truncate-end">{`${chosen.size.toLocaleString('en')} of ${accounts.length.toLocaleString('en')} marked`}</Text>
      <Text color={theme.muted} wrap="truncate-end">{`      ${fit('NAME', nameWidth)}  ADDRESS`}</Text>
      <List items={accounts} state={list} render={row} empty="The vault holds no accounts yet." />
      {list.count > list.height ? (
        <Text
          color={theme.muted}
        >{`${(list.cursor + 1).toLocaleString('en')}/${list.count.toLocaleString('en')}`}</Text>
      ) : null}
      <Text color={theme.muted} wrap="truncate-end">
        {MARK_KEYS}
      </Text>
      <Text color={theme.muted} wrap="truncate-end">
        {LEAVE_KEYS}
      </Text>
    </Box>
  );
}
