import { AccountPicker } from './account-picker.js';
import { ExportForm } from './export-form.js';
import { ExportWorking } from './export-working.js';
import { ReceiptView } from './receipt-view.js';
import { useBackupExport } from './use-backup-export.js';

/**
 * Exports the whole vault or chosen accounts, as an airlock backup or a polkadot.js file,
 * verified by reading it back, and shows the receipt. A backup password that is the vault's
 * (the session compares it by deriving it with the vault's salt) is questioned before writing.
 */
export function BackupExport({ screen }: { screen?: object }) {
  const { state, accounts, list, destination } = useBackupExport({ screen });
  switch (state.step) {
    case 'form':
    case 'checking':
      return <ExportForm state={state} destination={destination} />;
    case 'pick':
      return <AccountPicker accounts={accounts} chosen={state.choice.chosen} list={list} />;
    case 'same-password':
    case 'replace':
    case 'writing':
      return <ExportWorking state={state} />;
    case 'done':
      return <ReceiptView written={state.written} />;
  }
}
