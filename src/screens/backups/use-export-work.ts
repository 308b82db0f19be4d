import { join } from 'node:path';
import { describeError } from '../../errors.js';
import { destinationKind } from '../../media/backup-files.js';
import { writeFileDurably } from '../../media/durable-write.js';
import { capitalise } from '../../ui/sentence.js';
import { formatReceipt } from '../../vault/backup.js';
import { exportBackup } from '../../vault/export.js';
import { runReporting } from '../run-reporting.js';
import { useShell } from '../shell-context.js';
import { type ExportAction, type ExportAt, type ExportDraft, type ExportState } from './backup-export-state.js';
import { exportProblem, targetOf } from './export-checks.js';
import { exportRequest, planExport } from './export-choice.js';
import { rememberDestination } from './last-destination.js';

/**
 * What sending the export form sets off, below its keys: the checks (what, the passwords, the
 * vault's own password, the destination), then the write, verified by reading the file back,
 * and the receipt beside it when asked for. The password goes from the form into bytes that
 * are wiped as soon as the work they are for is done.
 */
export function useExportWork(dispatch: (action: ExportAction) => void, latest: () => ExportState, fileName: string) {
  const shell = useShell();

  const submit = async (now: ExportAt<'form'>) => {
    // What and in which format come first, as on the form; nothing is asked of the disk yet.
    const plan = planExport(shell.data, now.choice);
    if (!plan.ok) return dispatch({ type: 'refused', field: plan.field, problem: plan.text });
    const refused = exportProblem(now.form.values);
    if (refused) return dispatch({ type: 'refused', field: refused.field, problem: refused.text });
    dispatch({ type: 'check' });
    const bytes = new TextEncoder().encode(now.form.values.password);
    let same: boolean;
    try {
      same = await shell.session.isVaultPassword(bytes);
    } catch (error) {
      // Nothing is written; the form says why rather than waiting on a comparison that failed.
      return dispatch({ type: 'refused', field: 'password', problem: `${capitalise(describeError(error).message)}.` });
    } finally {
      bytes.fill(0);
    }
    if (same) dispatch({ type: 'same-password' });
    else await toDestination();
  };

  /** Once the password is settled: a new file is written, an existing one asked about. */
  const toDestination = async () => {
    const now = latest();
    if (now.step !== 'checking') return;
    let target = targetOf(now.form.values.destination, fileName);
    let kind = await destinationKind(target);
    if (kind === 'directory') {
      target = join(target, fileName);
      kind = await destinationKind(target);
    }
    if (kind === 'new') void write(now, target, false);
    else if (kind === 'file') dispatch({ type: 'exists', target });
    else dispatch({ type: 'refused', field: 'destination', problem: `${target} is a directory: type a file name.` });
  };

  const write = async ({ form, choice, receiptFile }: ExportDraft, target: string, overwrite: boolean) => {
    const bytes = new TextEncoder().encode(form.values.password);
    dispatch({ type: 'write', target });
    const outcome = await runReporting(
      shell,
      'Writing the backup, then reading it back to verify it (scrypt)…',
      async (session) => {
        const request = { ...exportRequest(session.data, choice), overwrite };
        const onKeys = (done: number, total: number) => dispatch({ type: 'keys', done, total });
        return formatReceipt(await exportBackup(target, session.data, bytes, request, { onKeys }));
      },
      () => `Backup written to ${target} and verified`,
    ).finally(() => bytes.fill(0));
    if (!outcome.ok) return dispatch({ type: 'failed', problem: outcome.message });
    rememberDestination(shell.session, target);
    const receipt = outcome.value;
    if (!receiptFile) return dispatch({ type: 'written', written: { receipt } });
    const copy = `${target}.receipt.txt`;
    // The backup is written and verified whatever happens to its receipt file.
    const receiptError = await writeFileDurably(copy, receipt, { mode: 0o644 }).then(
      () => undefined,
      (error: unknown) => describeError(error).message,
    );
    dispatch({ type: 'written', written: { receipt, receiptFile: copy, receiptError } });
  };

  return { submit, toDestination, write };
}
