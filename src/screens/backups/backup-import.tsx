import { FileStep } from './file-step.js';
import { LockedStep } from './locked-step.js';
import { importTitle, planOutcome } from './plan-outcome.js';
import { PlanView } from './plan-view.js';
import { formatOf } from './backup-import-state.js';
import { useBackupImport } from './use-backup-import.js';

/**
 * Opens a backup (airlock's own or a polkadot.js file) and shows, entry by entry, what
 * importing it would do. Accounts of a polkadot.js batch with passwords of their own are
 * asked for first, one by one. Verify stops at the preview; import asks, then merges it into
 * the vault. A wrong password or a damaged file is said here and changes nothing.
 */
export function BackupImport({ verifyOnly, path }: { verifyOnly: boolean; path?: string }) {
  const { state, field, plan, list } = useBackupImport({ verifyOnly, path });
  const title = importTitle(verifyOnly, formatOf(state));
  switch (state.step) {
    case 'path':
    case 'password':
    case 'reading':
      return <FileStep title={title} field={field} state={state} />;
    case 'unlock':
    case 'unlocking':
      return <LockedStep title={title} state={state} />;
    case 'preview':
    case 'importing':
    case 'done': {
      const said = planOutcome(state.step, plan.entries, plan.leftOut, verifyOnly);
      const problem = state.step === 'preview' ? state.problem : undefined;
      return (
        <PlanView title={title} file={state.file} entries={plan.entries} list={list} problem={problem} {...said} />
      );
    }
  }
}
