import type { Key } from 'ink';
import { useEffect, useRef } from 'react';
import { listBackupCandidates } from '../../media/backup-files.js';
import type { RemovableDrive } from '../../media/drives.js';
import { textKeyOf } from '../../ui/components/text-keys.js';
import { useShell } from '../shell-context.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import { defaultSource } from '../backups/backup-text.js';
import { importReducer, initialImport, listingDir, type ImportState } from '../backups/backup-import-state.js';
import { useDrives } from '../backups/use-drives.js';

export interface PathField {
  state: ImportState;
  /** The removable drives, once known. */
  drives: RemovableDrive[] | undefined;
  /** Gives a key to the field; resolves Enter to the path chosen, or undefined. */
  key: (input: string, key: Key) => string | undefined;
}

/**
 * A path typed, completed with Tab or picked under the field, as the backup import's file
 * step does it (its reducer, its listing). With `folders`, a folder is an answer too and only
 * folders are listed: pictures of QR codes are read from the folder they were saved to.
 */
export function usePathField({ folders, start }: { folders: boolean; start?: string }): PathField {
  const shell = useShell();
  const [state, dispatch, latest] = useSynchronousReducer(importReducer, () =>
    initialImport(start ?? defaultSource([], shell.session.path)),
  );
  const drives = useDrives();
  const typed = useRef(start !== undefined);
  useEffect(() => {
    // The first drive is where files to send and pictures most likely are, unless the user has typed already.
    if (drives?.[0] && !typed.current)
      dispatch({ type: 'path-edit', edit: { type: 'set', value: defaultSource(drives, shell.session.path) } });
  }, [drives]);

  const dir = listingDir(state.path);
  useEffect(() => {
    let shown = true;
    void listBackupCandidates(dir).then(
      (found) =>
        shown && dispatch({ type: 'listed', dir, candidates: folders ? found.filter((c) => c.directory) : found }),
    );
    return () => {
      shown = false;
    };
  }, [dir]);

  const key = (input: string, key: Key): string | undefined => {
    if (key.tab && !key.shift) return void dispatch({ type: 'complete' });
    if (key.upArrow || key.downArrow) return void dispatch({ type: 'select', step: key.upArrow ? -1 : 1 });
    const text = textKeyOf(input, key);
    if (text?.edit) {
      typed.current = true;
      return void dispatch({ type: 'path-edit', edit: text.edit });
    }
    if (!text?.submit) return undefined;
    const typedPath = latest().path.trim();
    if (folders && latest().selected === -1 && typedPath) return typedPath;
    dispatch({ type: 'choose' });
    // The import's reducer goes on to the password with a file: here, that file is the answer.
    if (latest().step !== 'password') return undefined;
    const chosen = latest().file;
    dispatch({ type: 'back' });
    return chosen;
  };
  return { state, drives, key };
}
