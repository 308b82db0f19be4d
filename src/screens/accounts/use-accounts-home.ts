import type { Key } from 'ink';
import { useMemo } from 'react';
import { commandFor, commandWhileTyping, isInterrupt, stepOf, type Command } from '../../ui/keymap.js';
import { LIST_MOVES, MOVE_COMMANDS } from '../../ui/components/use-list.js';
import { useShell } from '../shell-context.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import type { VaultSession } from '../../vault/store.js';
import type { VaultData } from '../../vault/model.js';
import { accountRows, rowFilter, type AccountRow } from './account-rows.js';
import { textKeyOf } from '../../ui/components/text-keys.js';
import { fittedList, homeReducer, initialHome, type HomeState, type Move } from './accounts-home-state.js';

const LIST_COMMANDS: readonly Command[] = [...MOVE_COMMANDS, 'confirm', 'filter', 'derive', 'rename', 'remove', 'back'];

/** While the filter is typed, letters are text: only keys that type nothing move the cursor. */
const FILTER_COMMANDS = ['back', 'pick', 'pageUp', 'pageDown'] as const;

// The list is unmounted while a detail is open: keep its filter and cursor for the return,
// one for all the accounts and one for each identity's.
const remembered = new WeakMap<VaultSession, Map<string, HomeState>>();
const memoryOf = (session: VaultSession) => {
  let memory = remembered.get(session);
  if (!memory) remembered.set(session, (memory = new Map<string, HomeState>()));
  return memory;
};

/**
 * The account list's one input handler: list keys, or the filter field while it is typed.
 * Everything it reads comes from the synchronous state, so keys typed faster than frames
 * (`/alice⏎⏎`) act on what the keys before them did. With `identity`, the list holds only
 * that identity's accounts, and derive starts on it.
 */
export function useAccountsHome(listHeight: number, identity?: string) {
  const shell = useShell();
  const rows = useMemo(() => rowsOfIdentity(accountRows(shell.data), shell.data, identity), [shell.data, identity]);
  const filter = useMemo(() => rowFilter(rows), [rows]);
  const memory = memoryOf(shell.session);
  const [state, dispatch, latest] = useSynchronousReducer(homeReducer, () => ({
    ...(memory.get(identity ?? '') ?? initialHome(listHeight)),
    editing: false,
  }));

  const move = (to: Move) =>
    dispatch({ type: 'move', move: to, count: filter(latest().query).length, height: listHeight });
  const selected = () => {
    const matches = filter(latest().query);
    return matches[fittedList(latest(), matches.length, listHeight).cursor];
  };
  const openWithSelected = (name: 'account-detail' | 'account-rename' | 'account-remove') => {
    const row = selected();
    if (row) shell.navigate({ type: 'open', screen: { name, account: row.account.publicKey } });
  };

  const filterKey = (input: string, key: Key) => {
    const command = commandWhileTyping(input, key, FILTER_COMMANDS);
    if (command === 'back') dispatch({ type: 'clear-filter' });
    else if (command === 'pick') move(stepOf('pick', input, key) < 0 ? 'up' : 'down');
    else if (command) move(LIST_MOVES[command]!);
    else {
      const text = textKeyOf(input, key);
      if (text?.edit) dispatch({ type: 'edit-filter', edit: text.edit });
      if (text?.submit) dispatch({ type: 'keep-filter' });
    }
  };

  const listKey = (input: string, key: Key) => {
    const command = commandFor(input, key, LIST_COMMANDS);
    const moveTo = command && LIST_MOVES[command];
    if (moveTo) move(moveTo);
    else if (command === 'confirm') openWithSelected('account-detail');
    else if (command === 'rename') openWithSelected('account-rename');
    else if (command === 'remove') openWithSelected('account-remove');
    else if (command === 'derive') shell.navigate({ type: 'open', screen: { name: 'account-derive', identity } });
    else if (command === 'filter') dispatch({ type: 'start-filter' });
    // Esc takes back a kept filter before it means "back".
    else if (command === 'back' && latest().query) dispatch({ type: 'clear-filter' });
    else shell.globalKey(input, key);
  };

  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    if (latest().editing) filterKey(input, key);
    else listKey(input, key);
    // Now, not in an effect: a key that leaves the list (Enter) may unmount it before it draws.
    memory.set(identity ?? '', latest());
  }, true);

  const matches = filter(state.query);
  return {
    rows,
    matches,
    query: state.query,
    editing: state.editing,
    list: fittedList(state, matches.length, listHeight),
  };
}

/** Only the accounts of the identity named, when one is; none when it is gone from the vault. */
function rowsOfIdentity(rows: readonly AccountRow[], data: VaultData, identity: string | undefined) {
  if (identity === undefined) return rows;
  const id = data.identities.find((i) => i.name === identity)?.id;
  return rows.filter((row) => row.account.identity === id);
}
