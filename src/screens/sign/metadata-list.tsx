import { Box, Text } from 'ink';
import { listMetadata } from '../../sign/signing.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { List, ListPosition } from '../../ui/components/list.js';
import { Prose } from '../../ui/components/prose.js';
import { useList } from '../../ui/components/use-list.js';
import { COMMANDS, commandFor } from '../../ui/keymap.js';
import { theme } from '../../ui/theme.js';
import { useKeys } from '../../ui/use-keys.js';
import { countOf } from '../../count.js';
import { useShell } from '../shell-context.js';
import { metadataHeader, metadataRow, networkWidth } from './metadata-columns.js';

/** Title, header, position, blank, two rows of what it is for, key hints. */
const CHROME_ROWS = 8;

/**
 * The chains' metadata kept beside the vault, one row per network and spec version: what
 * decodes a polkadot.js request. `a` adds a file, `x` removes the selected one after a question.
 */
export function MetadataList() {
  const shell = useShell();
  // The vault's record of what is kept: read at each draw, so an add or a remove shows at once.
  const rows = listMetadata(shell.session);
  const list = useList(rows.length, shell.height - CHROME_ROWS, true, 'sign-metadata');
  const network = networkWidth(rows, shell.width);

  useKeys((input, key) => {
    const command = commandFor(input, key, ['add', 'remove']);
    const row = rows[list.latest().cursor];
    if (command === 'add') shell.navigate({ type: 'open', screen: { name: 'metadata-add' } });
    else if (command === 'remove' && row) {
      shell.navigate({
        type: 'open',
        screen: { name: 'metadata-remove', network: row.network, specVersion: row.specVersion },
      });
    } else if (!command) shell.globalKey(input, key);
  }, true);

  return (
    <Box flexDirection="column" width={shell.width}>
      <Text bold wrap="truncate-end">{`Chain metadata · ${countOf(rows.length, 'version')} kept`}</Text>
      {rows.length > 0 ? (
        <Text color={theme.muted} wrap="truncate-end">
          {metadataHeader(network)}
        </Text>
      ) : null}
      <List
        items={rows}
        state={list}
        render={(row) => metadataRow(row, network)}
        empty={`None yet: press ${COMMANDS.add.keys} to add what an online node's state_getMetadata gave.`}
      />
      <ListPosition state={list} />
      <Text> </Text>
      <Prose color={theme.muted}>
        polkadot.js requests are decoded with the metadata of their chain and spec version; a request carrying a
        metadata proof needs none.
      </Prose>
      <KeyHints commands={rows.length > 0 ? ['add', 'remove', 'back', 'help'] : ['add', 'back', 'help']} />
    </Box>
  );
}
