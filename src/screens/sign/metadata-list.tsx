import { Box, Text } from 'ink';
import { KeyHints } from '../../ui/components/key-hints.js';
import { List, ListPosition } from '../../ui/components/list.js';
import { Prose } from '../../ui/components/prose.js';
import { useList } from '../../ui/components/use-list.js';
import { COMMANDS, commandFor } from '../../ui/keymap.js';
import { theme } from '../../ui/theme.js';
import { useKeys } from '../../ui/use-keys.js';
import { countOf } from '../../count.js';
import { printable } from '../../printable.js';
import type { StoredFileState } from '../../sign/metadata-store.js';
import type { MetadataRecord } from '../../vault/model.js';
import { useShell } from '../shell-context.js';
import { addedText, metadataColumns, metadataHeader, metadataRow } from './metadata-columns.js';
import { useMetadataStates } from './use-metadata-states.js';

/** Title, header, position, the selected one's three rows (a hash wraps at 80 columns), blank, two rows of what it is for, key hints. */
const CHROME_ROWS = 11;

/**
 * The chains' metadata kept beside the vault, one row per network and spec version: what
 * decodes a polkadot.js request. `a` adds a file, `x` removes the selected one after a question.
 */
export function MetadataList() {
  const shell = useShell();
  // Kept in the vault's data in network and spec order, so the list is there at once.
  const records = shell.data.metadata;
  const states = useMetadataStates();
  const list = useList(records.length, shell.height - CHROME_ROWS, true, 'sign-metadata');
  const columns = metadataColumns(records, shell.width);

  useKeys((input, key) => {
    const command = commandFor(input, key, ['add', 'remove']);
    const row = records[list.latest().cursor];
    if (command === 'add') shell.navigate({ type: 'open', screen: { name: 'metadata-add' } });
    else if (command === 'remove' && row) {
      shell.navigate({
        type: 'open',
        screen: { name: 'metadata-remove', network: row.network, specVersion: row.specVersion },
      });
    } else if (!command) shell.globalKey(input, key);
  }, true);

  const selected = records[list.cursor];
  return (
    <Box flexDirection="column" width={shell.width}>
      <Text bold wrap="truncate-end">{`Chain metadata · ${countOf(records.length, 'version')} kept`}</Text>
      {records.length > 0 ? (
        <Text color={theme.muted} wrap="truncate-end">
          {metadataHeader(columns)}
        </Text>
      ) : null}
      <List
        items={records}
        state={list}
        render={(record) => metadataRow(record, columns, states.get(record.file))}
        empty={`None yet: press ${COMMANDS.add.keys} to add what an online node's state_getMetadata gave.`}
      />
      <ListPosition state={list} />
      {selected ? <Selected record={selected} state={states.get(selected.file)} /> : null}
      <Text> </Text>
      <Prose color={theme.muted}>
        polkadot.js requests are decoded with the metadata of their chain and spec version; a request carrying a
        metadata proof needs none.
      </Prose>
      <KeyHints commands={records.length > 0 ? ['add', 'remove', 'back', 'help'] : ['add', 'back', 'help']} />
    </Box>
  );
}

/** The selected runtime in full: its token, when it was added, and a warning when its file changed. */
function Selected({ record, state }: { record: MetadataRecord; state: StoredFileState | undefined }) {
  return (
    <Box flexDirection="column">
      <Text color={theme.accent} wrap="truncate-end">
        {`${printable(record.specName)} ${record.specVersion} · ${printable(record.token)}, ${record.decimals} decimals · added ${addedText(record.addedAt)}`}
      </Text>
      {state === 'changed' || state === 'missing' ? (
        <Text color={theme.error} wrap="truncate-end">
          {`Its file is ${state === 'changed' ? 'changed' : 'missing'}: add the metadata again.`}
        </Text>
      ) : (
        // Wrapped, not cut: a hash is compared whole.
        <Text color={theme.muted} wrap="wrap">
          {record.digest ? `Metadata hash ${record.digest}` : 'V14: no metadata hash (RFC-0078 needs V15)'}
        </Text>
      )}
    </Box>
  );
}
