import { useEffect, useState } from 'react';
import { listMetadata, type StoredFileState } from '../../sign/metadata-store.js';
import { useShell } from '../shell-context.js';

/**
 * Whether each kept file is still the one recorded, by file name: checked (read and hashed) off
 * the render path, again whenever the vault data changes; none until the check is back.
 */
export function useMetadataStates(): ReadonlyMap<string, StoredFileState> {
  const shell = useShell();
  const [states, setStates] = useState<ReadonlyMap<string, StoredFileState>>(new Map());
  const { data, session } = shell;
  useEffect(() => {
    let shown = true;
    void listMetadata(data, session.path).then(
      (listed) => shown && setStates(new Map(listed.map(({ record, state }) => [record.file, state]))),
      // A folder that cannot be read leaves the column unknown; loading the metadata says why.
      () => undefined,
    );
    return () => {
      shown = false;
    };
  }, [data, session.path]);
  return states;
}
