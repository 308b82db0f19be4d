import type { Key } from 'ink';
import { useEffect, useMemo, useRef } from 'react';
import { WrongPasswordError } from '../../errors.js';
import { textKeyOf } from '../../ui/components/text-keys.js';
import { useList } from '../../ui/components/use-list.js';
import { commandFor, isInterrupt } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import * as actions from '../../vault/actions.js';
import { planImport } from '../../vault/import-plan.js';
import { leftOutEntries, openBackupFile, unlockBackupAccount } from '../../vault/open-backup.js';
import { listBackupCandidates } from '../../media/backup-files.js';
import { defaultSource } from './backup-text.js';
import { FileStep } from './file-step.js';
import { LockedStep } from './locked-step.js';
import { addedText, importTitle, planOutcome } from './plan-outcome.js';
import { PLAN_CHROME_ROWS, PlanView } from './plan-view.js';
import { runReporting } from '../run-reporting.js';
import {
  askedAbout,
  askingPosition,
  importReducer,
  initialImport,
  listingDir,
  type ImportState,
} from './backup-import-state.js';
import { useDrives } from './use-drives.js';

/**
 * Opens a backup (airlock's own or a polkadot.js file) and shows, entry by entry, what
 * importing it would do. Accounts of a polkadot.js batch with passwords of their own are
 * asked for first, one by one. Verify stops at the preview; import asks, then merges it into
 * the vault. A wrong password or a damaged file is said here and changes nothing.
 */
export function BackupImport({ verifyOnly, path }: { verifyOnly: boolean; path?: string }) {
  const shell = useShell();
  // Opened on a file (one just saved from QR codes): straight to its password.
  const [state, dispatch, latest] = useSynchronousReducer(importReducer, () =>
    path === undefined
      ? initialImport(defaultSource([], shell.session.path))
      : importReducer(initialImport(path), { type: 'choose' }),
  );
  const reading = useAbortOnLeave();
  const drives = useDrives();
  const typed = useRef(path !== undefined);
  useEffect(() => {
    // The first drive is where a backup most likely is, unless the user has typed already.
    if (drives?.[0] && !typed.current)
      dispatch({ type: 'path-edit', edit: { type: 'set', value: defaultSource(drives, shell.session.path) } });
  }, [drives]);

  const dir = listingDir(state.path);
  useEffect(() => {
    let shown = true;
    void listBackupCandidates(dir).then((candidates) => shown && dispatch({ type: 'listed', dir, candidates }));
    return () => {
      shown = false;
    };
  }, [dir]);

  const { opened } = state;
  const leftOut = useMemo(() => (opened ? leftOutEntries(opened) : []), [opened]);
  const planned = useMemo(
    () => (opened ? [...planImport(shell.data, opened.content).entries, ...leftOut] : []),
    [shell.data, opened, leftOut],
  );
  const entries = state.imported ?? planned;
  const showsPlan = state.step === 'preview' || state.step === 'done';
  const list = useList(entries.length, Math.max(3, shell.height - PLAN_CHROME_ROWS), showsPlan);
  const back = () => shell.navigate({ type: 'back' });

  const read = async () => {
    const { file, password } = latest();
    if (!file || !password) return;
    const bytes = new TextEncoder().encode(password);
    dispatch({ type: 'read' });
    const signal = reading.start();
    const outcome = await runReporting(shell, 'Decrypting the backup (scrypt)…', () =>
      openBackupFile(file, bytes, { signal }),
    ).finally(() => bytes.fill(0));
    if (signal.aborted) {
      // The user left: "aborted" in the status line would only puzzle them.
      if (!outcome.ok) shell.notify(undefined);
      return;
    }
    if (outcome.ok) dispatch({ type: 'opened', opened: outcome.value });
    else
      dispatch({
        type: 'unreadable',
        problem: `${outcome.message} Nothing was changed.`,
        wrongPassword: outcome.error instanceof WrongPasswordError,
      });
  };

  const unlock = async () => {
    const { opened: before, password } = latest();
    const locked = askedAbout(latest());
    if (!before || !locked) return;
    if (!password) return dispatch({ type: 'leave-out' });
    const bytes = new TextEncoder().encode(password);
    dispatch({ type: 'unlock' });
    const outcome = await runReporting(shell, `Opening "${locked.name ?? locked.address}" (scrypt)…`, () =>
      unlockBackupAccount(before, locked, bytes),
    ).finally(() => bytes.fill(0));
    // The reducer drops an answer about an account already left out, or a screen already left.
    if (outcome.ok) dispatch({ type: 'unlocked', locked, opened: outcome.value });
    else
      dispatch({
        type: 'unlock-failed',
        locked,
        problem: unlockProblem(outcome.message, outcome.error),
        wrongPassword: outcome.error instanceof WrongPasswordError,
      });
  };

  const importIt = async () => {
    const { opened: toImport, file } = latest();
    if (!toImport) return;
    dispatch({ type: 'import' });
    const outcome = await runReporting(
      shell,
      'Importing the backup into the vault…',
      (session) => actions.importBackup(session, toImport.content),
      (done) => `Imported ${addedText(done)} from ${file}`,
    );
    if (outcome.ok) dispatch({ type: 'imported', entries: [...outcome.value, ...leftOutEntries(toImport)] });
    else dispatch({ type: 'import-failed', problem: outcome.message });
  };

  const fieldKey = (input: string, key: Key, step: 'path' | 'password' | 'unlock') => {
    if (key.escape) return step === 'path' ? back() : dispatch({ type: step === 'password' ? 'back' : 'leave-out' });
    if (step === 'path' && key.tab && !key.shift) return dispatch({ type: 'complete' });
    if (step === 'path' && (key.upArrow || key.downArrow))
      return dispatch({ type: 'select', step: key.upArrow ? -1 : 1 });
    const text = textKeyOf(input, key);
    if (text?.submit) {
      if (step === 'path') dispatch({ type: 'choose' });
      else if (step === 'password') void read();
      else void unlock();
    } else if (text?.edit) {
      if (step === 'path') typed.current = true;
      dispatch(step === 'path' ? { type: 'path-edit', edit: text.edit } : { type: 'password-edit', edit: text.edit });
    }
  };

  const planKey = (input: string, key: Key, s: ImportState) => {
    // From the state the keys so far left, not the last frame: a "y" typed right after opening counts.
    const adding =
      !verifyOnly &&
      s.step === 'preview' &&
      s.opened &&
      planImport(shell.data, s.opened.content).entries.some((e) => e.action === 'add');
    const command = commandFor(input, key, adding ? ['yes', 'no'] : ['confirm', 'back']);
    if (command === 'yes') void importIt();
    else if (command === 'no') {
      shell.notify({ kind: 'info', text: 'Nothing was imported.' });
      back();
    } else if (command) back();
    else shell.globalKey(input, key);
  };

  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    const s = latest();
    if (s.step === 'path' || s.step === 'password' || s.step === 'unlock') fieldKey(input, key, s.step);
    // Abandons the scrypt; reading changes nothing, so nothing is left half done.
    else if (s.step === 'reading' && key.escape) {
      reading.abort();
      back();
    } else if (s.step === 'unlocking' && key.escape) dispatch({ type: 'leave-out' });
    else if (s.step === 'preview' || s.step === 'done') planKey(input, key, s);
  }, true);

  const title = importTitle(verifyOnly, opened?.format);
  const locked = askedAbout(state);
  if ((state.step === 'unlock' || state.step === 'unlocking') && locked) {
    const { file = '', lockedAtOpen: count, password, problem } = state;
    const unlocking = state.step === 'unlocking';
    return (
      <LockedStep {...{ title, file, locked, count, password, unlocking, problem }} position={askingPosition(state)} />
    );
  }
  if (!showsPlan && state.step !== 'importing') return <FileStep state={state} title={title} />;
  const said = planOutcome(state.step, entries, leftOut.length, verifyOnly);
  return (
    <PlanView title={title} file={state.file ?? ''} entries={entries} list={list} problem={state.problem} {...said} />
  );
}

/** A wrong password is said with what to do next; anything else says what is wrong with the account. */
function unlockProblem(message: string, error: unknown): string {
  if (error instanceof WrongPasswordError)
    return 'That password does not open it: try again, or leave it out with Enter on an empty field.';
  return `${message} It is left out.`;
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
