import type { Key } from 'ink';
import { useMemo } from 'react';
import { textKeyOf } from '../../ui/components/text-keys.js';
import { useList } from '../../ui/components/use-list.js';
import { commandFor, isInterrupt } from '../../ui/keymap.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import { planImport, type PlannedEntry } from '../../vault/import-plan.js';
import { leftOutEntries } from '../../vault/open-backup.js';
import { usePathField } from '../qr/use-path-field.js';
import { useShell } from '../shell-context.js';
import { importReducer, initialImport, type ImportAt, type ImportState } from './backup-import-state.js';
import { PLAN_CHROME_ROWS } from './plan-view.js';
import { useImportWork } from './use-import-work.js';

/** The entries of the preview, or of what the import did, and how many of them were left out. */
export interface ImportPlan {
  entries: readonly PlannedEntry[];
  leftOut: number;
}

/**
 * The import's steps and keys: the file's path (the path field), its password, the locked
 * accounts' passwords, the preview and its question. The file calls are useImportWork's.
 */
export function useBackupImport({ verifyOnly, path }: { verifyOnly: boolean; path?: string | undefined }) {
  const shell = useShell();
  const field = usePathField({ folders: false, start: path, missing: 'Type or pick a backup file.' });
  const [state, dispatch, latest] = useSynchronousReducer(importReducer, () => initialImport(path));
  const plan = usePlan(state);
  const showsPlan = state.step === 'preview' || state.step === 'done';
  const list = useList(plan.entries.length, Math.max(3, shell.height - PLAN_CHROME_ROWS), showsPlan);
  const work = useImportWork(dispatch, field.refuse);
  const back = () => shell.navigate({ type: 'back' });

  const pathKey = (input: string, key: Key) => {
    if (commandFor(input, key, ['back'])) return back();
    const file = field.key(input, key);
    if (file !== undefined) dispatch({ type: 'file', file });
  };

  const passwordKey = (input: string, key: Key, now: ImportAt<'password' | 'unlock'>) => {
    if (commandFor(input, key, ['back'])) return dispatch({ type: now.step === 'password' ? 'back' : 'leave-out' });
    const text = textKeyOf(input, key);
    if (text?.edit) return dispatch({ type: 'password-edit', edit: text.edit });
    if (!text?.submit) return;
    if (now.step === 'password') {
      if (now.password) void work.read(now);
    } else if (now.password) void work.unlock(now);
    // Enter on an empty field leaves the account out.
    else dispatch({ type: 'leave-out' });
  };

  const planKey = (input: string, key: Key, now: ImportAt<'preview' | 'done'>) => {
    // From the state the keys so far left, not the last frame: a "y" typed right after opening counts.
    const adding =
      !verifyOnly &&
      now.step === 'preview' &&
      planImport(shell.data, now.opened.content).entries.some((e) => e.action === 'add');
    const command = commandFor(input, key, adding ? ['yes', 'no'] : ['confirm', 'back']);
    if (command === 'yes' && now.step === 'preview') void work.importIt(now);
    else if (command === 'no') {
      shell.notify({ kind: 'info', text: 'Nothing was imported.' });
      back();
    } else if (command) back();
    else shell.globalKey(input, key);
  };

  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    const now = latest();
    const leaving = commandFor(input, key, ['back']) !== undefined;
    if (now.step === 'path') pathKey(input, key);
    else if (now.step === 'password' || now.step === 'unlock') passwordKey(input, key, now);
    // Abandons the scrypt; reading changes nothing, so nothing is left half done.
    else if (now.step === 'reading' && leaving) {
      work.abandon();
      back();
    } else if (now.step === 'unlocking' && leaving) dispatch({ type: 'leave-out' });
    else if (now.step === 'preview' || now.step === 'done') planKey(input, key, now);
  }, true);

  return { state, field: field.state, plan, list };
}

/** The preview drawn from the opened file, or what the import did. */
function usePlan(state: ImportState): ImportPlan {
  const shell = useShell();
  const opened = state.step === 'preview' || state.step === 'importing' ? state.opened : undefined;
  const previewed = useMemo(() => {
    if (!opened) return { entries: [], leftOut: 0 };
    const leftOut = leftOutEntries(opened);
    return { entries: [...planImport(shell.data, opened.content).entries, ...leftOut], leftOut: leftOut.length };
  }, [shell.data, opened]);
  return state.step === 'done' ? { entries: state.imported, leftOut: state.leftOut } : previewed;
}
