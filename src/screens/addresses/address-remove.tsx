import { Box, Text } from 'ink';
import { useRef, useState } from 'react';
import * as actions from '../../vault/actions.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { commandFor, hints } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { useKeys } from '../../ui/use-keys.js';
import { Prose } from '../../ui/components/prose.js';

/**
 * Removes a watch-only entry after a y/n question. No secret goes with it, so one key is
 * enough; the dangerous removals (identities, accounts) ask for the name to be typed.
 */
export function AddressRemove({ address }: { address: string }) {
  const shell = useShell();
  // Taken when the screen opens: once removed, the entry is no longer in the data.
  const [entry] = useState(() => shell.data.addresses.find((a) => a.name === address));
  const [removing, setRemoving] = useState(false);
  // A second y typed before the next frame must not start a second removal.
  const started = useRef(false);
  const back = () => shell.navigate({ type: 'back' });

  const remove = async () => {
    if (started.current) return;
    started.current = true;
    setRemoving(true);
    const removed = await shell.run(
      'Removing the address…',
      (session) => actions.removeAddress(session, address),
      (e) => `Removed "${e.name}" from the address book`,
    );
    if (removed) back();
    else {
      started.current = false;
      setRemoving(false);
    }
  };

  useKeys((input, key) => {
    const command = commandFor(input, key, ['yes', 'no']);
    if (command === 'yes') void (entry ? remove() : back());
    else if (command === 'no') back();
    else shell.globalKey(input, key);
  }, !removing);

  if (!entry) {
    return (
      <Box flexDirection="column" gap={1} width={shell.width}>
        <Prose color={theme.error}>{`No address-book entry is named "${address}" any more.`}</Prose>
        <KeyHints commands={['back']} />
      </Box>
    );
  }
  return (
    <Box flexDirection="column" gap={1} width={shell.width}>
      <Text bold wrap="truncate-end">{`Remove "${entry.name}" from the address book?`}</Text>
      <Box flexDirection="column">
        <Text wrap="truncate-end">{entry.address}</Text>
        <Text color={theme.muted} wrap="truncate-end">
          {entry.note ? `${entry.network} · ${entry.note}` : entry.network}
        </Text>
      </Box>
      <Prose color={theme.muted}>Only this book entry goes; no key or account is touched.</Prose>
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
