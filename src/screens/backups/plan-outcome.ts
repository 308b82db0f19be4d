import { hints } from '../../ui/keymap.js';
import type { PlannedEntry } from '../../vault/import-plan.js';
import { countOfKinds, entryCount as entries, importSummary } from '../../vault/import-summary.js';
import type { BackupFormat } from '../../vault/open-backup.js';
import type { PlanViewProps } from './plan-view.js';
import type { ImportStep } from './backup-import-state.js';

/** What the import and verify screens say about a plan: their titles and the lines under it. Pure. */

const FORMAT_TITLES: Record<BackupFormat, string> = {
  airlock: 'an airlock backup',
  'polkadot-js': 'a polkadot.js account file',
  'polkadot-js-batch': 'a polkadot.js "export all accounts" file',
  'polkadot-js-list': 'a polkadot.js apps accounts file',
};

/** `Import a polkadot.js account file`: once the file is open, the title says what it turned out to be. */
export function importTitle(verifyOnly: boolean, format?: BackupFormat): string {
  if (!format) return verifyOnly ? 'Verify a backup (changes nothing)' : 'Import a backup';
  return `${verifyOnly ? 'Verify' : 'Import'} ${FORMAT_TITLES[format]}`;
}

/** `Imported 1 identity and 2 accounts`, for the status line. */
export const addedText = (planned: readonly PlannedEntry[]) => countOfKinds(planned.filter((e) => e.action === 'add'));

/**
 * The outcome lines and key hints under the plan. `leftOut` entries (accounts whose own
 * password was not given, or that airlock cannot take) are counted apart from those
 * already in the vault.
 */
export function planOutcome(
  step: Extract<ImportStep, 'preview' | 'importing' | 'done'>,
  planned: readonly PlannedEntry[],
  leftOut: number,
  verifyOnly: boolean,
): Pick<PlanViewProps, 'outcome' | 'hints'> {
  const holds = `The backup decrypts and holds ${entries(planned.length)}`;
  const adding = planned.filter((e) => e.action === 'add').length;
  const existing = planned.length - adding - leftOut;
  const rest = leftOut ? `${existing} already in this vault, ${leftOut} left out` : `${existing} already in this vault`;
  if (step === 'done') {
    return { outcome: [{ text: importSummary(planned, 'done'), tone: 'success' }], hints: ['confirm', 'back'] };
  }
  if (step === 'importing') return { outcome: [{ text: 'Importing…', tone: 'muted' }], hints: [] };
  if (verifyOnly) {
    return {
      outcome: [
        { text: `${holds}; nothing was changed.`, tone: 'success' },
        { text: importSummary(planned, 'would'), tone: 'muted' },
      ],
      hints: ['confirm', 'back'],
    };
  }
  if (adding === 0) {
    const all = leftOut ? `: ${rest}; nothing to import.` : `, all already in this vault: nothing to import.`;
    return { outcome: [{ text: `${holds}${all}`, tone: 'success' }], hints: ['confirm', 'back'] };
  }
  return {
    outcome: [
      { text: `${holds}: ${adding} to add, ${rest}.`, tone: 'success' },
      {
        text: `Add them? ${hints([
          ['yes', 'imports'],
          ['no', 'changes nothing'],
        ])}`,
        tone: 'warning',
      },
    ],
    hints: ['yes', 'no'],
  };
}
