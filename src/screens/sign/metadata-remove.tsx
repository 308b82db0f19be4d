import { Text } from 'ink';
import { useState } from 'react';
import { formatBytes } from '../../media/format-bytes.js';
import { removeMetadata } from '../../sign/metadata-store.js';
import { theme } from '../../ui/theme.js';
import { RemovedMeanwhile, RemoveQuestion } from '../remove-question.js';
import { useShell } from '../shell-context.js';
import { useRemoval } from '../use-removal.js';
import { addedText } from './metadata-columns.js';

/**
 * Removes one chain's metadata of one spec version after a y/n question: it holds no secret and
 * can be added again from the same file, but requests of that version are refused until it is.
 */
export function MetadataRemove({ network, specVersion }: { network: string; specVersion: number }) {
  const shell = useShell();
  // Taken when the screen opens: once removed, the row is no longer listed.
  const [row] = useState(() => shell.data.metadata.find((r) => r.network === network && r.specVersion === specVersion));
  useRemoval(
    row && {
      label: 'Removing the metadata…',
      work: (session) => removeMetadata(session, network, specVersion),
      done: () => `Removed the metadata of ${network} runtime ${specVersion}`,
    },
  );

  if (!row) return <RemovedMeanwhile message={`No ${network} metadata of spec ${specVersion} is kept any more.`} />;
  return (
    <RemoveQuestion
      title={`Remove ${network} metadata, spec ${specVersion}?`}
      note={`Requests for ${network} at spec ${specVersion} are refused until it is added again; no key is touched.`}
    >
      <Text color={theme.muted} wrap="truncate-end">
        {`V${row.metadataVersion} · ${formatBytes(row.size)} · added ${addedText(row.addedAt)}`}
      </Text>
    </RemoveQuestion>
  );
}
