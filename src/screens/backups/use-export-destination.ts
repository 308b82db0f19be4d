import type { Key } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { listBackupCandidates, type Candidate } from '../../media/backup-files.js';
import type { RemovableDrive } from '../../media/drives.js';
import { commandFor } from '../../ui/keymap.js';
import { initialPathField, listingDir, matches, pathFieldReducer } from '../qr/path-field-state.js';
import { useShell } from '../shell-context.js';
import type { ExportAction, ExportAt } from './backup-export-state.js';
import { exportPlaces, stepPlace, type ExportPlace } from './export-places.js';
import { lastDestinationFolder } from './last-destination.js';
import { useDrives } from './use-drives.js';

export interface ExportDestination {
  /** Where ←/→ take the destination: removable drives first. Beside the vault until the drives are known. */
  places: ExportPlace[];
  /** The removable drives mounted when the screen opened; undefined until known. */
  drives: RemovableDrive[] | undefined;
  /** The names in the typed folder that the typed name could become; undefined until that folder is listed. */
  completions: string[] | undefined;
  /** Gives a key on the destination field; returns whether it was used. */
  key: (input: string, key: Key, now: ExportAt<'form'>) => boolean;
}

/**
 * The export's "Write to" field beyond typing: Tab completes the path from the names in its
 * folder, as the import's and the QR screens' path fields do (and, with nothing to complete,
 * goes on to the next field), and ←/→ move it to another place, the removable drives first.
 */
export function useExportDestination(
  destination: string,
  dispatch: (action: ExportAction) => void,
  fileName: string,
): ExportDestination {
  const shell = useShell();
  const drives = useDrives();
  const vaultPath = shell.session.path;
  const places = useMemo(
    () => exportPlaces(drives ?? [], lastDestinationFolder(shell.session), vaultPath),
    [drives, shell.session, vaultPath],
  );
  // Read by the key handler: a key typed right after the listing came back sees it.
  const listing = useRef<{ dir: string; candidates: Candidate[] }>(undefined);
  const [listed, setListed] = useState<{ dir: string; candidates: Candidate[] }>();
  const dir = listingDir(destination);
  useEffect(() => {
    let shown = true;
    void listBackupCandidates(dir).then((candidates) => {
      if (!shown) return;
      listing.current = { dir, candidates };
      setListed(listing.current);
    });
    return () => {
      shown = false;
    };
  }, [dir]);

  const set = (value: string) => dispatch({ type: 'form', action: { type: 'edit', edit: { type: 'set', value } } });
  const key = (input: string, key: Key, now: ExportAt<'form'>): boolean => {
    if (now.form.focus !== 'destination') return false;
    const typed = now.form.values.destination;
    if (commandFor(input, key, ['complete'])) {
      // Until the folder is listed nothing is known to complete, and Tab goes on: a key typed
      // ahead (the password) must not land in this field, which shows what is typed.
      if (listing.current?.dir !== listingDir(typed)) return false;
      const completed = pathFieldReducer(
        { ...initialPathField(typed), listing: listing.current },
        { type: 'complete' },
      );
      if (completed.path === typed) return false;
      set(completed.path);
      return true;
    }
    const choice = commandFor(input, key, ['previousChoice', 'nextChoice']);
    if (!choice) return false;
    set(stepPlace(typed, places, choice === 'nextChoice' ? 1 : -1, fileName));
    return true;
  };
  const completions =
    listed?.dir === dir
      ? matches({ path: destination, listing: listed }).map((c) => c.name + (c.directory ? '/' : ''))
      : undefined;
  return { places, drives, completions, key };
}
