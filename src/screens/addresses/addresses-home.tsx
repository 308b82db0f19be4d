import { Box, Text } from 'ink';
import { KeyHints } from '../../ui/components/key-hints.js';
import { List, ListPosition } from '../../ui/components/list.js';
import { useList } from '../../ui/components/use-list.js';
import { COMMANDS, commandFor } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import type { AddressEntry } from '../../vault/model.js';
import { addressColumns, addressHeader, addressRow } from './address-columns.js';
import { useKeys } from '../../ui/use-keys.js';

/** Title, header, position, the selected entry's address and note, key hints. */
const CHROME_ROWS = 7;

/** The address book: watch-only entries, with their full address under the list. */
export function AddressesHome() {
  const shell = useShell();
  const entries = shell.data.addresses;
  const list = useList(entries.length, shell.height - CHROME_ROWS, true, 'addresses');
  const columns = addressColumns(entries, shell.width);

  useKeys((input, key) => {
    const command = commandFor(input, key, ['add', 'edit', 'remove', 'confirm']);
    const entry = entries[list.latest().cursor];
    if (command === 'add') shell.navigate({ type: 'open', screen: { name: 'address-add' } });
    else if ((command === 'edit' || command === 'confirm') && entry) {
      shell.navigate({ type: 'open', screen: { name: 'address-edit', address: entry.name } });
    } else if (command === 'remove' && entry) {
      shell.navigate({ type: 'open', screen: { name: 'address-remove', address: entry.name } });
    } else if (!command) shell.globalKey(input, key);
  }, true);

  const selected = entries[list.cursor];
  return (
    <Box flexDirection="column" width={shell.width}>
      <Text bold wrap="truncate-end">
        {`Address book · ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`}
      </Text>
      {entries.length > 0 ? (
        <Text color={theme.muted} wrap="truncate-end">
          {addressHeader(columns)}
        </Text>
      ) : null}
      <List
        items={entries}
        state={list}
        render={(entry) => addressRow(entry, columns)}
        empty={`The address book is empty: press ${COMMANDS.add.keys} to add an address.`}
      />
      <ListPosition state={list} />
      {selected ? <Selected entry={selected} /> : null}
      <KeyHints
        commands={
          entries.length > 0
            ? ['add', 'edit', 'remove', 'nextSection', 'help', 'quit']
            : ['add', 'nextSection', 'help', 'quit']
        }
      />
    </Box>
  );
}

/** The selected entry in full, whatever the columns had to cut. */
function Selected({ entry }: { entry: AddressEntry }) {
  return (
    <Box flexDirection="column">
      <Text color={theme.accent} wrap="truncate-end">
        {entry.address}
      </Text>
      {entry.note ? (
        <Text color={theme.muted} wrap="truncate-end">
          {entry.note}
        </Text>
      ) : null}
    </Box>
  );
}
