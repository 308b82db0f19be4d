import type { Key } from 'ink';
import { formatBytes } from '../../media/format-bytes.js';
import { addMetadata, readMetadataFile, runtimeNeedingClaims, type AddedMetadata } from '../../sign/metadata-store.js';
import { formIntentOf } from '../../ui/components/form-intent.js';
import { isLastField } from '../../ui/components/form-state.js';
import { commandFor, isInterrupt } from '../../ui/keymap.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import type { VaultSession } from '../../vault/store.js';
import { PathStep } from '../qr/path-step.js';
import { usePathField } from '../qr/use-path-field.js';
import { runReporting } from '../run-reporting.js';
import { useShell } from '../shell-context.js';
import {
  claimsOf,
  initialMetadataAdd,
  metadataAddReducer,
  type MetadataAddState,
  type ReadMetadata,
} from './metadata-add-state.js';
import { ClaimsStep } from './metadata-claims-step.js';

const SAID = { added: 'Added', kept: 'Already kept:', restored: 'Restored the file of' } as const;
const addedText = ({ record, outcome }: AddedMetadata) =>
  `${SAID[outcome]} ${record.network} runtime ${record.specVersion} (V${record.metadataVersion}, ${formatBytes(record.size)})`;

// Metadata comes on a stick, several chains at once: the next file is most likely beside the last.
const lastFile = new WeakMap<VaultSession, string>();

/** A file read: kept, or its chain to be described first. */
type ReadOutcome = { added: AddedMetadata } | { read: ReadMetadata };

/**
 * Which file holds a chain's metadata; once it is read and recognised, back to the list. A chain
 * airlock does not know is described first (genesis hash, token, decimals), as the command's
 * options do.
 */
export function MetadataAdd() {
  const shell = useShell();
  const field = usePathField({ folders: false, files: 'any', start: lastFile.get(shell.session) });
  const [state, dispatch, latest] = useSynchronousReducer(metadataAddReducer, initialMetadataAdd);

  const read = async (path: string) => {
    lastFile.set(shell.session, path);
    dispatch({ type: 'read' });
    const outcome = await runReporting<ReadOutcome>(
      shell,
      'Reading the metadata…',
      async (session) => {
        const bytes = await readMetadataFile(path);
        const runtime = runtimeNeedingClaims(session.data, bytes, path);
        return runtime ? { read: { bytes, path, runtime } } : { added: await addMetadata(session, bytes, path) };
      },
      (r) => ('added' in r ? addedText(r.added) : `Read runtime "${r.read.runtime.specName}": which chain is it?`),
    );
    if (!outcome.ok) dispatch({ type: 'failed', problem: outcome.message });
    else if ('added' in outcome.value) shell.navigate({ type: 'back' });
    else dispatch({ type: 'unknown-chain', read: outcome.value.read });
  };

  const addDescribed = async () => {
    dispatch({ type: 'send' });
    const now = latest();
    if (now.step !== 'claims' || !now.adding) return;
    const { bytes, path } = now.read;
    const claims = claimsOf(now.form);
    const outcome = await runReporting(
      shell,
      'Keeping the metadata…',
      (session) => addMetadata(session, bytes, path, claims),
      addedText,
    );
    if (outcome.ok) shell.navigate({ type: 'back' });
    else dispatch({ type: 'failed', problem: outcome.message });
  };

  const fileKey = (input: string, key: Key) => {
    const command = commandFor(input, key, ['back', 'confirm']);
    if (command === 'back') return shell.navigate({ type: 'back' });
    if (command !== 'confirm') dispatch({ type: 'typed' });
    const chosen = field.key(input, key);
    if (chosen !== undefined) void read(chosen);
  };

  const claimsKey = (now: Extract<MetadataAddState, { step: 'claims' }>, input: string, key: Key) => {
    const intent = formIntentOf(input, key, { onLastField: isLastField(now.form), onChoice: false });
    if (intent?.type === 'field') dispatch({ type: 'field', action: intent.action });
    else if (intent?.type === 'send') void addDescribed();
    else if (intent?.type === 'leave') dispatch({ type: 'back' });
  };

  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    const now = latest();
    // While a file is read or kept, keys wait for nothing: what they meant may no longer apply.
    if (now.step === 'file') fileKey(input, key);
    else if (now.step === 'claims' && !now.adding) claimsKey(now, input, key);
  }, true);

  if (state.step === 'claims') return <ClaimsStep state={state} />;
  return (
    <PathStep
      title="Add chain metadata"
      intro="What an online node gave for the chain: state_getMetadata's answer (0x6d657461…) or Metadata_metadata_at_version's, V14 or V15, as hex text, the JSON-RPC response or raw bytes. The chain and spec version are read from it."
      label="File:"
      placeholder="path to the metadata file"
      state={field.state}
      problem={state.step === 'file' ? state.problem : undefined}
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
