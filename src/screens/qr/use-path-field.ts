import type { Key } from 'ink';
import { useEffect, useRef } from 'react';
import { listCandidates, type ListedFiles } from '../../media/backup-files.js';
import type { RemovableDrive } from '../../media/drives.js';
import { textKeyOf } from '../../ui/components/text-keys.js';
import { commandFor } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import { defaultSource } from '../backups/backup-text.js';
import { useDrives } from '../backups/use-drives.js';
import {
  answerOf,
  choiceOf,
  initialPathField,
  listingDir,
  pathFieldReducer,
  type PathFieldState,
} from './path-field-state.js';

export interface PathField {
  state: PathFieldState;
  /** The removable drives, once known. */
  drives: RemovableDrive[] | undefined;
  /** Gives a key to the field; resolves Enter to the path chosen, or undefined. Esc is the screen's. */
  key: (input: string, key: Key) => string | undefined;
  /** Says under the field why the path chosen could not be used, until it is changed. */
  refuse: (problem: string) => void;
}

export interface PathFieldOptions {
  /** A folder is an answer too, and only folders are listed: pictures of QR codes are read from the folder they were saved to. */
  folders: boolean;
  /** The path to start from; else the first removable drive, or the vault's directory until drives are known. */
  start?: string | undefined;
  /** What Enter on nothing chosen says. */
  missing?: string;
  /** Which files are listed besides folders (unless `folders`): `.json` ones, as backups are, or any. */
  files?: ListedFiles;
}

/** One path, typed, completed with Tab or picked from the directory's names listed under the field. */
export function usePathField({
  folders,
  start,
  missing = 'Type or pick a path.',
  files = 'json',
}: PathFieldOptions): PathField {
  const shell = useShell();
  const vaultPath = shell.session.path;
  const [state, dispatch, latest] = useSynchronousReducer(pathFieldReducer, () =>
    initialPathField(start ?? defaultSource([], vaultPath)),
  );
  const drives = useDrives();
  const typed = useRef(start !== undefined);
  useEffect(() => {
    // The first drive is where backups, files to send and pictures most likely are, unless the user has typed already.
    if (drives?.[0] && !typed.current)
      dispatch({ type: 'edit', edit: { type: 'set', value: defaultSource(drives, vaultPath) } });
  }, [drives, dispatch, vaultPath]);

  const dir = listingDir(state.path);
  useEffect(() => {
    let shown = true;
    void listCandidates(dir, files).then(
      (found) =>
        shown && dispatch({ type: 'listed', dir, candidates: folders ? found.filter((c) => c.directory) : found }),
    );
    return () => {
      shown = false;
    };
  }, [dir, folders, files, dispatch]);

  const key = (input: string, key: Key): string | undefined => {
    // Tab completes, as in a shell, and Shift-Tab means nothing here; ↑ and ↓, the form's other
    // keys for the previous and next field, go through the names listed under the field.
    switch (commandFor(input, key, ['nextSection', 'previousSection', 'nextField', 'previousField'])) {
      case 'nextSection':
        return void dispatch({ type: 'complete' });
      case 'previousSection':
        return undefined;
      case 'nextField':
        return void dispatch({ type: 'select', step: 1 });
      case 'previousField':
        return void dispatch({ type: 'select', step: -1 });
    }
    const text = textKeyOf(input, key);
    if (text?.edit) {
      typed.current = true;
      return void dispatch({ type: 'edit', edit: text.edit });
    }
    if (!text?.submit) return undefined;
    const answer = answerOf(choiceOf(latest(), folders));
    dispatch({ type: 'choose', folders, missing });
    return answer;
  };
  const refuse = (problem: string) => dispatch({ type: 'refuse', problem });
  return { state, drives, key, refuse };
}
