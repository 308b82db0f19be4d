import { useState } from 'react';
import { formatBytes } from '../../media/format-bytes.js';
import { addMetadata, readMetadataFile } from '../../sign/metadata-store.js';
import { commandFor, isInterrupt } from '../../ui/keymap.js';
import { useKeys } from '../../ui/use-keys.js';
import type { VaultSession } from '../../vault/store.js';
import { PathStep } from '../qr/path-step.js';
import { usePathField } from '../qr/use-path-field.js';
import { runReporting } from '../run-reporting.js';
import { useShell } from '../shell-context.js';

const SAID = { added: 'Added', kept: 'Already kept:', restored: 'Restored the file of' } as const;

// Metadata comes on a stick, several chains at once: the next file is most likely beside the last.
const lastFile = new WeakMap<VaultSession, string>();

/** Which file holds a chain's metadata; once it is read and recognised, back to the list. */
export function MetadataAdd() {
  const shell = useShell();
  const field = usePathField({ folders: false, files: 'any', start: lastFile.get(shell.session) });
  const [problem, setProblem] = useState<string>();
  const [adding, setAdding] = useState(false);

  const add = async (path: string) => {
    lastFile.set(shell.session, path);
    setAdding(true);
    const outcome = await runReporting(
      shell,
      'Reading the metadata…',
      async (session) => addMetadata(session, await readMetadataFile(path), path),
      ({ record, outcome }) =>
        `${SAID[outcome]} ${record.network} runtime ${record.specVersion} (V${record.metadataVersion}, ${formatBytes(record.size)})`,
    );
    setAdding(false);
    if (outcome.ok) shell.navigate({ type: 'back' });
    else setProblem(outcome.message);
  };

  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    const command = commandFor(input, key, ['back', 'confirm']);
    if (command === 'back') return shell.navigate({ type: 'back' });
    if (command !== 'confirm') setProblem(undefined);
    const chosen = field.key(input, key);
    if (chosen !== undefined) void add(chosen);
  }, !adding);

  return (
    <PathStep
      title="Add chain metadata"
      intro="What an online node gave for the chain: state_getMetadata's answer (0x6d657461…) or Metadata_metadata_at_version's, V14 or V15, as hex text, the JSON-RPC response or raw bytes. The chain and spec version are read from it."
      label="File:"
      placeholder="path to the metadata file"
      state={field.state}
      problem={problem}
      nothing="no files or folders"
      missing="Type or pick the metadata file."
      hints={[
        ['complete', 'completes'],
        ['pick', 'pick a listed file'],
        ['confirm', 'adds it'],
      ]}
    />
  );
}
