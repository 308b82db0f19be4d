import { Box, Text } from 'ink';
import { Prose } from '../../ui/components/prose.js';
import { KeyHints, hintLineCount } from '../../ui/components/key-hints.js';
import { COMMANDS, hints, type Hint } from '../../ui/keymap.js';
import { List } from '../../ui/components/list.js';
import type { ListState } from '../../ui/components/list-state.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import type { AccountView } from '../../vault/accounts.js';
import { accountColumns, accountRow, headerRow } from './account-columns.js';
import { useAccountsHome } from './use-accounts-home.js';

// Short enough for one line at 80 columns; rename is in the detail's hints and in the help.
const LIST_HINTS: readonly Hint[] = [['confirm', 'open'], ['filter', 'filter'], ['derive', 'derive'], 'remove', 'help'];
const FILTER_HINTS: readonly Hint[] = [
  ['confirm', 'keeps the filter'],
  ['back', 'clears it'],
  ['pick', 'move'],
];
// Lines around the list: the column titles, the selected account's two, the filter or position line.
const CHROME = 4;
const chromeRows = (width: number) =>
  CHROME + Math.max(hintLineCount(LIST_HINTS, width), hintLineCount(FILTER_HINTS, width));

/** Every account in the vault, or those of one `identity`, filtered as the user types. */
export function AccountsHome({ identity }: { identity?: string }) {
  const shell = useShell();
  const home = useAccountsHome(Math.max(1, shell.height - chromeRows(shell.width)), identity);
  if (home.rows.length === 0) return identity === undefined ? <NoAccounts /> : <NoAccountsOf identity={identity} />;
  const columns = accountColumns(shell.width);
  const selected = home.matches[home.list.cursor];
  return (
    <Box flexDirection="column" height={shell.height}>
      <Text bold wrap="truncate-end">
        {headerRow(columns)}
      </Text>
      <Box flexDirection="column" flexGrow={1}>
        <List
          items={home.matches}
          state={home.list}
          render={(row) => accountRow(row.view, columns)}
          empty={`No account matches "${home.query}". ${COMMANDS.back.keys} clears the filter.`}
        />
      </Box>
      <SelectedLines view={selected?.view} />
      <FilterLine
        identity={identity}
        editing={home.editing}
        query={home.query}
        shown={home.matches.length}
        total={home.rows.length}
        list={home.list}
      />
      <KeyHints commands={home.editing ? FILTER_HINTS : LIST_HINTS} />
    </Box>
  );
}

/**
 * The selected account's whole address, which the column shows only in part, and what it is:
 * what a custodian compares with an address written elsewhere.
 */
function SelectedLines({ view }: { view: AccountView | undefined }) {
  if (!view) return <Box height={2} />;
  const what = [view.name, view.type, view.path || '(root)', view.network, view.identity || '(identity gone)'];
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">{view.address}</Text>
      <Text color={theme.muted} wrap="truncate-end">
        {what.join(' · ')}
      </Text>
    </Box>
  );
}

interface FilterLineProps {
  identity: string | undefined;
  editing: boolean;
  query: string;
  shown: number;
  total: number;
  list: ListState;
}

function FilterLine({ identity, editing, query, shown, total, list }: FilterLineProps) {
  const count = `${shown.toLocaleString('en')} of ${total.toLocaleString('en')}`;
  const position =
    shown > list.height ? ` · ${(list.cursor + 1).toLocaleString('en')}/${shown.toLocaleString('en')}` : '';
  if (editing) {
    return (
      <Text wrap="truncate-end">
        <Text bold>/ </Text>
        {query}
        <Text inverse> </Text>
        <Text color={theme.muted}>{`  ${count}`}</Text>
      </Text>
    );
  }
  const of = identity === undefined ? '' : ` of identity "${identity}"`;
  const text = query
    ? `Filter "${query}"${of}: ${count}${position} · ${hints([['back', 'clears']])}`
    : identity === undefined
      ? `${accounts(total)}${position}`
      : `${accounts(total)}${of}${position} · ${hints([['back', 'shows every account']])}`;
  return (
    <Text color={theme.muted} wrap="truncate-end">
      {text}
    </Text>
  );
}

const accounts = (n: number) => `${n.toLocaleString('en')} account${n === 1 ? '' : 's'}`;

/** An identity opened from Identities that has no accounts yet: derive starts on it. */
function NoAccountsOf({ identity }: { identity: string }) {
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold wrap="truncate-end">{`No accounts of identity "${identity}" yet`}</Text>
      <Prose>{`Press ${COMMANDS.derive.keys} to derive one from it; ${COMMANDS.back.keys} shows every account.`}</Prose>
      <KeyHints commands={['derive', ['back', 'every account'], 'help', 'quit']} />
    </Box>
  );
}

function NoAccounts() {
  const shell = useShell();
  const hasIdentity = shell.data.identities.some((i) => i.kind === 'mnemonic');
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold>No accounts yet</Text>
      {hasIdentity ? (
        <Prose>{`An account is a key derived from an identity. Press ${COMMANDS.derive.keys} to derive one.`}</Prose>
      ) : (
        <Prose>
          An account is a key derived from an identity, and there is none yet: restore or create an identity in
          Identities first (Shift-Tab goes there), then come back and press {COMMANDS.derive.keys} to derive an account.
        </Prose>
      )}
      <KeyHints commands={['derive', 'previousSection', 'help', 'quit']} />
    </Box>
  );
}
