import { useAbandonable } from '../../ui/use-abandonable.js';
import { WrongPasswordError } from '../../errors.js';
import * as actions from '../../vault/actions.js';
import { openBackupFile, unlockBackupAccount } from '../../vault/open-backup.js';
import { runReporting } from '../run-reporting.js';
import { useShell } from '../shell-context.js';
import type { ImportAction, ImportAt } from './backup-import-state.js';
import { addedText } from './plan-outcome.js';

/**
 * The import's file calls: the file read with its password, a locked account opened with its
 * own, the content merged into the vault. Each password goes into bytes wiped as soon as its
 * scrypt is done. A reading still running when the screen is left is abandoned.
 */
export function useImportWork(dispatch: (action: ImportAction) => void, refusePath: (problem: string) => void) {
  const shell = useShell();
  // One reading at a time, abandoned (its scrypt runs between accounts stopped) by Esc or by leaving the screen.
  const reading = useAbandonable();

  const read = async (now: ImportAt<'password'>) => {
    const bytes = new TextEncoder().encode(now.password);
    dispatch({ type: 'read' });
    const { signal } = reading.start();
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
    if (!wrongPassword) refusePath(problem);
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

  return { read, unlock, importIt, abandon: reading.abandon };
}
