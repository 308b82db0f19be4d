import type { Key } from 'ink';
import { join } from 'node:path';
import { useEffect, useState } from 'react';
import { describeError } from '../../errors.js';
import { writeFileDurably } from '../../media/durable-write.js';
import { destinationKind } from '../../media/backup-files.js';
import { textKeyOf } from '../../ui/components/text-keys.js';
import { isLastField } from '../../ui/components/form-state.js';
import { useList } from '../../ui/components/use-list.js';
import { commandFor, isInterrupt } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import { formatReceipt } from '../../vault/backup.js';
import { exportBackup } from '../../vault/export.js';
import { AccountPicker, PICKER_CHROME_ROWS } from './account-picker.js';
import { backupFileName, defaultDestination } from './backup-text.js';
import { exportRequest, planExport } from './export-choice.js';
import { ExportForm } from './export-form.js';
import { ExportWorking } from './export-working.js';
import { ReceiptView } from './receipt-view.js';
import { capitalise } from '../../ui/sentence.js';
import { runReporting } from '../run-reporting.js';
import { useShowFile } from '../qr/use-show-file.js';
import {
  exportProblem,
  exportReducer,
  initialExport,
  isChoiceField,
  targetOf,
  type ExportState,
} from './backup-export-state.js';
import { useDrives } from './use-drives.js';

// The receipt of this export screen (the navigation's entry for it), kept while the written
// file is shown as QR codes: the screen is drawn again on the return, the receipt with it.
const receipts = new WeakMap<object, ExportState>();

/**
 * Exports the whole vault or chosen accounts, as an airlock backup or a polkadot.js file,
 * verified by reading it back, and shows the receipt. A backup password that is the vault's
 * (the session compares it by deriving it with the vault's salt) is questioned before writing.
 */
export function BackupExport({ screen }: { screen?: object }) {
  const shell = useShell();
  const showFile = useShowFile();
  // One moment names the file, so the name does not change while the user looks at it.
  const [openedAt] = useState(() => new Date());
  const fileName = backupFileName(openedAt);
  const [state, dispatch, latest] = useSynchronousReducer(
    exportReducer,
    () => (screen && receipts.get(screen)) ?? initialExport(defaultDestination([], shell.session.path, openedAt)),
  );
  const drives = useDrives();
  useEffect(() => {
    if (drives)
      dispatch({ type: 'default-destination', path: defaultDestination(drives, shell.session.path, openedAt) });
  }, [drives]);
  const accounts = shell.data.accounts;
  const list = useList(accounts.length, Math.max(3, shell.height - PICKER_CHROME_ROWS), state.step === 'pick');

  const write = async (target: string, overwrite: boolean) => {
    const { form, choice, receiptFile } = latest();
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

  const submit = async () => {
    const { form, choice } = latest();
    // What and in which format come first, as on the form; nothing is asked of the disk yet.
    const plan = planExport(shell.data, choice);
    if (!plan.ok) return dispatch({ type: 'refused', field: plan.field, problem: plan.text });
    const refused = exportProblem(form.values);
    if (refused) return dispatch({ type: 'refused', field: refused.field, problem: refused.text });
    dispatch({ type: 'check' });
    const bytes = new TextEncoder().encode(form.values.password);
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

  const toDestination = async () => {
    let target = targetOf(latest().form.values.destination, fileName);
    let kind = await destinationKind(target);
    if (kind === 'directory') {
      target = join(target, fileName);
      kind = await destinationKind(target);
    }
    if (kind === 'new') void write(target, false);
    else if (kind === 'file') dispatch({ type: 'exists', target });
    else dispatch({ type: 'refused', field: 'destination', problem: `${target} is a directory: type a file name.` });
  };

  const formKey = (input: string, key: Key) => {
    const { form } = latest();
    if (key.escape) return shell.navigate({ type: 'back' });
    if (key.tab) return dispatch({ type: 'form', action: { type: key.shift ? 'previous' : 'next' } });
    if (key.downArrow || key.upArrow)
      return dispatch({ type: 'form', action: { type: key.downArrow ? 'next' : 'previous' } });
    if (key.ctrl && input === 's') return void submit();
    if (isChoiceField(form.focus)) {
      const command = input === ' ' ? 'nextChoice' : commandFor(input, key, ['previousChoice', 'nextChoice']);
      if (command && form.focus === 'receipt') return dispatch({ type: 'toggle-receipt' });
      if (command) return dispatch({ type: 'cycle', step: command === 'nextChoice' ? 1 : -1 });
    }
    const text = textKeyOf(input, key);
    if (text?.submit) {
      if (form.focus === 'what' && latest().choice.what === 'chosen') dispatch({ type: 'pick' });
      else if (isLastField(form)) void submit();
      else dispatch({ type: 'form', action: { type: 'next' } });
    } else if (text?.edit) dispatch({ type: 'form', action: { type: 'edit', edit: text.edit } });
  };

  // Moving through the list is useList's; marking and leaving are the picker's own.
  const pickKey = (input: string, key: Key) => {
    const account = accounts[list.latest().cursor];
    if (input === ' ' && account) dispatch({ type: 'mark', publicKey: account.publicKey });
    else if (key.return) dispatch({ type: 'picked', next: true });
    else if (key.escape) dispatch({ type: 'picked', next: false });
  };

  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    const { step, target } = latest();
    if (step === 'form') formKey(input, key);
    else if (step === 'pick') pickKey(input, key);
    else if (step === 'same-password') {
      const command = commandFor(input, key, ['yes', 'no']);
      if (command === 'yes') {
        dispatch({ type: 'keep-password' });
        void toDestination();
      } else if (command === 'no') dispatch({ type: 'change-password' });
    } else if (step === 'replace') {
      const command = commandFor(input, key, ['yes', 'no']);
      if (command === 'yes' && target) void write(target, true);
      else if (command === 'no') dispatch({ type: 'keep' });
    } else if (step === 'done') {
      const command = commandFor(input, key, ['confirm', 'back', 'showQr']);
      if (command === 'showQr' && target) {
        if (screen) receipts.set(screen, latest());
        void showFile(target);
      } else if (command) shell.navigate({ type: 'back' });
      else shell.globalKey(input, key);
    }
    // While checking or writing, keys wait: a half-written backup is not left by a key.
  }, true);

  if (state.step === 'done' && state.written) return <ReceiptView written={state.written} />;
  if (state.step === 'same-password' || state.step === 'replace' || state.step === 'writing')
    return <ExportWorking state={state.step} target={state.target ?? ''} keys={state.keys} />;
  if (state.step === 'pick') return <AccountPicker accounts={accounts} chosen={state.choice.chosen} list={list} />;
  return <ExportForm state={state} />;
}
