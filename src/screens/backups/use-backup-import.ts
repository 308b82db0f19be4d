import type { Key } from 'ink';
import { useEffect, useMemo, useRef } from 'react';
import { WrongPasswordError } from '../../errors.js';
import { textKeyOf } from '../../ui/components/text-keys.js';
import { useList } from '../../ui/components/use-list.js';
import { commandFor, isInterrupt } from '../../ui/keymap.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import * as actions from '../../vault/actions.js';
import { planImport, type PlannedEntry } from '../../vault/import-plan.js';
import { leftOutEntries, openBackupFile, unlockBackupAccount } from '../../vault/open-backup.js';
import { usePathField } from '../qr/use-path-field.js';
import { runReporting } from '../run-reporting.js';
import { useShell } from '../shell-context.js';
import { importReducer, initialImport, type ImportAt, type ImportState } from './backup-import-state.js';
import { addedText } from './plan-outcome.js';
import { PLAN_CHROME_ROWS } from './plan-view.js';

/** The entries of the preview, or of what the import did, and how many of them were left out. */
export interface ImportPlan {
  entries: readonly PlannedEntry[];
  leftOut: number;
}

/**
 * The import's file calls and keys: the file's path (the path field), its password and the
 * reading of it, the locked accounts' passwords, the import. A reading still running when the
 * screen is left is abandoned.
 */
export function useBackupImport({ verifyOnly, path }: { verifyOnly: boolean; path?: string | undefined }) {
  const shell = useShell();
  const field = usePathField({ folders: false, start: path, missing: 'Type or pick a backup file.' });
  const [state, dispatch, latest] = useSynchronousReducer(importReducer, () => initialImport(path));
  const reading = useAbortOnLeave();
  const plan = usePlan(state);
  const showsPlan = state.step === 'preview' || state.step === 'done';
  const list = useList(plan.entries.length, Math.max(3, shell.height - PLAN_CHROME_ROWS), showsPlan);
  const back = () => shell.navigate({ type: 'back' });

  const read = async (now: ImportAt<'password'>) => {
    const bytes = new TextEncoder().encode(now.password);
    dispatch({ type: 'read' });
    const signal = reading.start();
    const outcome = await runReporting(shell, 'Decrypting the backup (scrypt)…', () =>
      openBackupFile(now.file, bytes, { signal }),
    ).finally(() => bytes.fill(0));
    if (signal.aborted) {
      // The user left: "aborted" in the status line would only puzzle them.
      if (!outcome.ok) shell.notify(undefined);
      return;
    }
    if (outcome.ok) return dispatch({ type: 'opened', opened: outcome.value });
    const problem = `${outcome.message} Nothing was changed.`;
    const wrongPassword = outcome.error instanceof WrongPasswordError;
    dispatch({ type: 'unreadable', problem, wrongPassword });
    // Anything but a wrong password is about the file: said under its path.
    if (!wrongPassword) field.refuse(problem);
  };

  const unlock = async (now: ImportAt<'unlock'>) => {
    const { opened, account, password } = now;
    const bytes = new TextEncoder().encode(password);
    dispatch({ type: 'unlock' });
    const outcome = await runReporting(shell, `Opening "${account.name ?? account.address}" (scrypt)…`, () =>
      unlockBackupAccount(opened, account, bytes),
    ).finally(() => bytes.fill(0));
    // The reducer drops an answer about an account already left out, or a screen already left.
    if (outcome.ok) return dispatch({ type: 'unlocked', locked: account, opened: outcome.value });
    const wrongPassword = outcome.error instanceof WrongPasswordError;
    const problem = wrongPassword
      ? 'That password does not open it: try again, or leave it out with Enter on an empty field.'
      : `${outcome.message} It is left out.`;
    dispatch({ type: 'unlock-failed', locked: account, problem, wrongPassword });
  };

  const importIt = async ({ file, opened }: ImportAt<'preview'>) => {
    dispatch({ type: 'import' });
    const outcome = await runReporting(
      shell,
      'Importing the backup into the vault…',
      (session) => actions.importBackup(session, opened.content),
      (done) => `Imported ${addedText(done)} from ${file}`,
    );
    if (outcome.ok) dispatch({ type: 'imported', entries: outcome.value });
    else dispatch({ type: 'import-failed', problem: outcome.message });
  };

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
      if (now.password) void read(now);
    } else if (now.password) void unlock(now);
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
    if (command === 'yes' && now.step === 'preview') void importIt(now);
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
      reading.abort();
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

/** One reading at a time, abandoned (its scrypt runs between accounts stopped) by Esc or by leaving the screen. */
function useAbortOnLeave() {
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);
  return {
    start: () => {
      controller.current = new AbortController();
      return controller.current.signal;
    },
    abort: () => controller.current?.abort(),
  };
}
