import { Box, Text } from 'ink';
import { KeyHints } from '../../ui/components/key-hints.js';
import { List, ListPosition } from '../../ui/components/list.js';
import { useList } from '../../ui/components/use-list.js';
import { useListMemory } from '../../ui/components/list-memory.js';
import { COMMANDS, commandFor, type Command } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { accountsOfIdentity } from '../../vault/identities.js';
import type { VaultData } from '../../vault/model.js';
import { useKeys } from '../../ui/use-keys.js';
import { Prose } from '../../ui/components/prose.js';

const ACTIONS: readonly Command[] = ['create', 'restore', 'rename', 'remove', 'confirm'];
// Title, header, list position, two hint lines and the gaps between them.
const CHROME_ROWS = 7;
const KIND = 8;
const ACCOUNTS = 8;
const DATE = 10;

interface Row {
  name: string;
  kind: string;
  accounts: number;
  created: string;
}

const rowsOf = (data: VaultData): Row[] =>
  data.identities.map((i) => ({
    name: i.name,
    kind: i.kind,
    accounts: accountsOfIdentity(data, i).length,
    created: i.createdAt.slice(0, 10),
  }));

/** The identities list's name in the list memory: the screens that add one select it there. */
const IDENTITY_LIST = 'identities';

/** Selects identity `name` in the list for when it is shown again: after making or restoring it. */
export function useSelectIdentity(): (name: string) => void {
  const shell = useShell();
  const memory = useListMemory();
  return (name) => {
    // The list's rows are the vault's identities, in order.
    const cursor = shell.session.data.identities.findIndex((i) => i.name === name);
    if (memory && cursor >= 0) memory.set(IDENTITY_LIST, { cursor, offset: memory.get(IDENTITY_LIST)?.offset ?? 0 });
  };
}

/** The identities in the vault, and the way to make, restore, rename or remove one. */
export function IdentitiesHome() {
  const shell = useShell();
  const rows = rowsOf(shell.data);
  const list = useList(rows.length, shell.height - CHROME_ROWS, !shell.busy, IDENTITY_LIST);
  const nameWidth = Math.max(8, Math.min(32, shell.width - (KIND + ACCOUNTS + DATE + 6)));
  const format = (r: Row) =>
    [fit(r.name, nameWidth), r.kind.padEnd(KIND), String(r.accounts).padStart(ACCOUNTS), r.created].join('  ');

  useKeys((input, key) => {
    const selected = rows[list.latest().cursor];
    switch (commandFor(input, key, ACTIONS)) {
      case 'create':
        return shell.navigate({ type: 'open', screen: { name: 'identity-new' } });
      case 'restore':
        return shell.navigate({ type: 'open', screen: { name: 'identity-restore' } });
      case 'rename':
        if (selected) shell.navigate({ type: 'open', screen: { name: 'identity-rename', identity: selected.name } });
        return;
      case 'remove':
        if (selected) shell.navigate({ type: 'open', screen: { name: 'identity-remove', identity: selected.name } });
        return;
      case 'confirm': {
        // An identity's keys are its accounts: Enter goes to them, and only them.
        const open = selected && ({ name: 'identity-accounts', identity: selected.name } as const);
        if (open) shell.navigate({ type: 'section', section: 'accounts', open });
        return;
      }
      default:
        shell.globalKey(input, key);
    }
  }, !shell.busy);

  if (rows.length === 0) {
    return (
      <Box flexDirection="column" gap={1} width={shell.width}>
        <Text bold>Identities</Text>
        <Prose>No identities yet. An identity is a set of recovery words that your accounts are derived from.</Prose>
        <Text>
          Press <Text bold>{COMMANDS.create.keys}</Text> to make a new one (airlock shows fresh words to write on
          paper), or <Text bold>{COMMANDS.restore.keys}</Text> to restore one from words you already have.
        </Text>
        <KeyHints commands={['create', 'restore', 'help', 'quit']} />
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={shell.width}>
      <Text bold>Identities</Text>
      <Box marginTop={1}>
        <Text color={theme.muted} wrap="truncate-end">
          {['NAME'.padEnd(nameWidth), 'KIND'.padEnd(KIND), 'ACCOUNTS', 'CREATED'].join('  ')}
        </Text>
      </Box>
      <List items={rows} state={list} render={format} empty="" />
      <ListPosition state={list} />
      <Box marginTop={1} flexDirection="column">
        <KeyHints commands={['create', 'restore', 'rename', 'remove']} />
        <KeyHints commands={['confirm', 'nextSection', 'help', 'quit']} />
      </Box>
    </Box>
  );
}

/** Pads or cuts to `width` columns, so a long name never pushes the other columns. */
function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}
