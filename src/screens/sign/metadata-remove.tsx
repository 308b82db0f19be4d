import { Box, Text } from 'ink';
import { useRef, useState } from 'react';
import { formatBytes } from '../../media/format-bytes.js';
import { removeMetadata } from '../../sign/metadata-store.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { Prose } from '../../ui/components/prose.js';
import { commandFor, hints } from '../../ui/keymap.js';
import { theme } from '../../ui/theme.js';
import { useKeys } from '../../ui/use-keys.js';
import { useShell } from '../shell-context.js';
import { addedText } from './metadata-columns.js';

/**
 * Removes one chain's metadata of one spec version after a y/n question: it holds no secret and
 * can be added again from the same file, but requests of that version are refused until it is.
 */
export function MetadataRemove({ network, specVersion }: { network: string; specVersion: number }) {
  const shell = useShell();
  // Taken when the screen opens: once removed, the row is no longer listed.
  const [row] = useState(() => shell.data.metadata.find((r) => r.network === network && r.specVersion === specVersion));
  const [removing, setRemoving] = useState(false);
  // A second y typed before the next frame must not start a second removal.
  const started = useRef(false);
  const back = () => shell.navigate({ type: 'back' });

  const remove = async () => {
    if (started.current) return;
    started.current = true;
    setRemoving(true);
    const removed = await shell.run(
      'Removing the metadata…',
      (session) => removeMetadata(session, network, specVersion),
      () => `Removed the metadata of ${network} runtime ${specVersion}`,
    );
    if (removed) back();
    else {
      started.current = false;
      setRemoving(false);
    }
  };

  useKeys((input, key) => {
    const command = commandFor(input, key, ['yes', 'no']);
    if (command === 'yes') void (row ? remove() : back());
    else if (command === 'no') back();
    else shell.globalKey(input, key);
  }, !removing);

  if (!row) {
    return (
      <Box flexDirection="column" gap={1} width={shell.width}>
        <Prose color={theme.error}>{`No ${network} metadata of spec ${specVersion} is kept any more.`}</Prose>
        <KeyHints commands={['back']} />
      </Box>
    );
  }
  return (
    <Box flexDirection="column" gap={1} width={shell.width}>
      <Text bold wrap="truncate-end">{`Remove ${network} metadata, spec ${specVersion}?`}</Text>
      <Text color={theme.muted} wrap="truncate-end">
        {`V${row.metadataVersion} · ${formatBytes(row.size)} · added ${addedText(row.addedAt)}`}
      </Text>
      <Prose color={theme.muted}>
        {`Requests for ${network} at spec ${specVersion} are refused until it is added again; no key is touched.`}
      </Prose>
      <Text color={theme.warning}>
        {hints([
          ['yes', 'removes it'],
          ['no', 'keeps it'],
        ])}
      </Text>
      <KeyHints commands={['confirm', 'back']} />
    </Box>
  );
}
