import type { Key } from 'ink';
import { useEffect, useMemo, useRef } from 'react';
import { WrongPasswordError } from '../../errors.js';
import { textKeyOf } from '../../ui/components/text-keys.js';
import { useList } from '../../ui/components/use-list.js';
import { commandFor, isInterrupt } from '../../ui/keymap.js';
import { useShell } from '../../ui/shell-context.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import * as actions from '../../vault/actions.js';
import { readBackup } from '../../vault/backup.js';
import { planImport, type PlannedEntry } from '../../vault/import-plan.js';
import { listBackupCandidates } from '../../media/backup-files.js';
import { defaultSource } from './backup-text.js';
import { FileStep } from './file-step.js';
import { PLAN_CHROME_ROWS, PlanView, type PlanViewProps } from './plan-view.js';
import { runReporting } from './run-reporting.js';
import { importReducer, initialImport, listingDir, type ImportState } from './use-backup-import-state.js';
import { useDrives } from './use-drives.js';

/**
 * Opens a backup and shows, entry by entry, what importing it would do. Verify stops there;
 * import asks, then merges it into the vault. A wrong password or a damaged file is said
 * here and changes nothing.
 */
export function BackupImport({ verifyOnly }: { verifyOnly: boolean }) {
  const shell = useShell();
  const [state, dispatch, current] = useSynchronousReducer(importReducer, () => initialImport(defaultSource([], shell.session.path)));
  const mounted = useMounted();
  const drives = useDrives();
  const typed = useRef(false);
  useEffect(() => {
    // The first drive is where a backup most likely is, unless the user has typed already.
    if (drives?.[0] && !typed.current) dispatch({ type: 'path-edit', edit: { type: 'set', value: defaultSource(drives, shell.session.path) } });
  }, [drives]);

  const dir = listingDir(state.path);
  useEffect(() => {
    let shown = true;
    void listBackupCandidates(dir).then((candidates) => shown && dispatch({ type: 'listed', dir, candidates }));
    return () => {
      shown = false;
    };
  }, [dir]);

  const planned = useMemo(() => (state.content ? planImport(shell.data, state.content).entries : []), [shell.data, state.content]);
  const entries = state.imported ?? planned;
  const showsPlan = state.step === 'preview' || state.step === 'done';
  const list = useList(entries.length, Math.max(3, shell.height - PLAN_CHROME_ROWS), showsPlan);
  const back = () => shell.navigate({ type: 'back' });

  const read = async () => {
    const { file, password } = current.current;
    if (!file || !password) return;
    const bytes = new TextEncoder().encode(password);
    dispatch({ type: 'read' });
    const outcome = await runReporting(shell, 'Decrypting the backup (scrypt)…', () => readBackup(file, bytes)).finally(() => bytes.fill(0));
    if (!mounted.current) return;
    if (outcome.ok) dispatch({ type: 'opened', content: outcome.value.content });
    else dispatch({ type: 'unreadable', problem: `${outcome.message} Nothing was changed.`, wrongPassword: outcome.error instanceof WrongPasswordError });
  };

  const importIt = async () => {
    const { content, file } = current.current;
    if (!content) return;
    dispatch({ type: 'import' });
    const outcome = await runReporting(
      shell,
      'Importing the backup into the vault…',
      (session) => actions.importBackup(session, content),
      (done) => `Imported ${adds(done)} from ${file}`,
    );
    if (outcome.ok) dispatch({ type: 'imported', entries: outcome.value });
    else dispatch({ type: 'import-failed', problem: outcome.message });
  };

  const fileKey = (input: string, key: Key, step: 'path' | 'password') => {
    if (key.escape) return step === 'path' ? back() : dispatch({ type: 'back' });
    if (step === 'path' && key.tab && !key.shift) return dispatch({ type: 'complete' });
    if (step === 'path' && (key.upArrow || key.downArrow)) return dispatch({ type: 'select', step: key.upArrow ? -1 : 1 });
    const text = textKeyOf(input, key);
    if (text?.submit) {
      if (step === 'path') dispatch({ type: 'choose' });
      else void read();
    } else if (text?.edit) {
      if (step === 'path') typed.current = true;
      dispatch(step === 'path' ? { type: 'path-edit', edit: text.edit } : { type: 'password-edit', edit: text.edit });
    }
  };

  const planKey = (input: string, key: Key, s: ImportState) => {
    const adding = !verifyOnly && s.step === 'preview' && s.content && planImport(shell.data, s.content).entries.some((e) => e.action === 'add');
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
    const s = current.current;
    if (s.step === 'path' || s.step === 'password') fileKey(input, key, s.step);
    // Abandons the scrypt's result; reading changes nothing, so nothing is left half done.
    else if (s.step === 'reading' && key.escape) back();
    else if (s.step === 'preview' || s.step === 'done') planKey(input, key, s);
  }, true);

  const title = verifyOnly ? 'Verify a backup (changes nothing)' : 'Import a backup';
  if (!showsPlan && state.step !== 'importing') return <FileStep state={state} title={title} />;
  return <PlanView title={title} file={state.file ?? ''} entries={entries} list={list} problem={state.problem} {...outcome(state, entries, verifyOnly)} />;
}

const adds = (entries: readonly PlannedEntry[]) => {
  const n = entries.filter((e) => e.action === 'add').length;
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
};

function outcome(state: ImportState, entries: readonly PlannedEntry[], verifyOnly: boolean): Pick<PlanViewProps, 'outcome' | 'hints'> {
  const holds = `The backup decrypts and holds ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`;
  const adding = entries.filter((e) => e.action === 'add').length;
  if (state.step === 'done') {
    return { outcome: [{ text: `Imported ${adds(entries)}; the rest were already in the vault.`, tone: 'success' }], hints: ['confirm', 'back'] };
  }
  if (state.step === 'importing') return { outcome: [{ text: 'Importing…', tone: 'muted' }], hints: [] };
  if (verifyOnly) {
    return {
      outcome: [
        { text: `${holds}; nothing was changed.`, tone: 'success' },
        { text: `Importing it would add ${adding} and skip ${entries.length - adding}.`, tone: 'muted' },
      ],
      hints: ['confirm', 'back'],
    };
  }
  if (adding === 0) {
    return { outcome: [{ text: `${holds}, all already in this vault: nothing to import.`, tone: 'success' }], hints: ['confirm', 'back'] };
  }
  return {
    outcome: [
      { text: `${holds}: ${adding} to add, ${entries.length - adding} already in this vault.`, tone: 'success' },
      { text: `Add them? y or Enter imports · n or Esc changes nothing`, tone: 'warning' },
    ],
    hints: ['yes', 'no'],
  };
}

function useMounted() {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
