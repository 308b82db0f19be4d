import { Box, Text } from 'ink';
import { useState } from 'react';
import * as actions from '../../vault/actions.js';
import { theme } from '../../ui/theme.js';
import { RemovedMeanwhile, RemoveQuestion } from '../remove-question.js';
import { useShell } from '../shell-context.js';
import { useRemoval } from '../use-removal.js';

/**
 * Removes a watch-only entry after a y/n question. No secret goes with it, so one key is
 * enough; the dangerous removals (identities, accounts) ask for the name to be typed.
 */
export function AddressRemove({ address }: { address: string }) {
  const shell = useShell();
  // Taken when the screen opens: once removed, the entry is no longer in the data.
  const [entry] = useState(() => shell.data.addresses.find((a) => a.name === address));
  useRemoval(
    entry && {
      label: 'Removing the address…',
      work: (session) => actions.removeAddress(session, address),
      done: (e) => `Removed "${e.name}" from the address book`,
    },
  );

  if (!entry) return <RemovedMeanwhile message={`No address-book entry is named "${address}" any more.`} />;
  return (
    <RemoveQuestion
      title={`Remove "${entry.name}" from the address book?`}
      note="Only this book entry goes; no key or account is touched."
    >
      <Box flexDirection="column">
        <Text wrap="truncate-end">{entry.address}</Text>
        <Text color={theme.muted} wrap="truncate-end">
          {entry.note ? `${entry.network} · ${entry.note}` : entry.network}
        </Text>
      </Box>
    </RemoveQuestion>
  );
}
