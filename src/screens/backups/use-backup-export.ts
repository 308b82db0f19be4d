import type { Key } from 'ink';
import { useEffect, useState } from 'react';
import { isLastField } from '../../ui/components/form-state.js';
import { formIntentOf } from '../../ui/components/form-intent.js';
import { useList } from '../../ui/components/use-list.js';
import { commandFor, isInterrupt } from '../../ui/keymap.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import { useShowFile } from '../qr/use-show-file.js';
import { useShell } from '../shell-context.js';
import { PICKER_CHROME_ROWS } from './account-picker.js';
import {
  exportReducer,
  initialExport,
  isChoiceField,
  type ExportAction,
  type ExportAt,
} from './backup-export-state.js';
import { backupFileName } from './backup-text.js';
import { startingDestination } from './export-places.js';
import { lastDestinationFolder } from './last-destination.js';
import { useExportDestination, type ExportDestination } from './use-export-destination.js';
import { useExportWork } from './use-export-work.js';

// The receipt of this export screen (the navigation's entry for it), kept while the written
// file is shown as QR codes: the screen is drawn again on the return, the receipt with it.
const receipts = new WeakMap<object, ExportAt<'done'>>();

/**
 * The export's keys and steps: the form, the account picker, the questions, the receipt. The
 * checks and the write are useExportWork's; while they run, keys wait, so a half-written
 * backup is not left by a key.
 */
export function useBackupExport({ screen }: { screen?: object | undefined }) {
  const shell = useShell();
  const showFile = useShowFile();
  // One moment names the file, so the name does not change while the user looks at it.
  const [openedAt] = useState(() => new Date());
  const vaultPath = shell.session.path;
  const [lastFolder] = useState(() => lastDestinationFolder(shell.session));
  const [state, dispatch, latest] = useSynchronousReducer(
    exportReducer,
    () => (screen && receipts.get(screen)) ?? initialExport(startingDestination([], lastFolder, vaultPath, openedAt)),
  );
  const fileName = backupFileName(openedAt);
  const destination = useExportDestination(
    state.step === 'done' ? '' : state.form.values.destination,
    dispatch,
    fileName,
  );
  const { drives } = destination;
  useEffect(() => {
    // The folder last written to stays the start; else the first drive, once the drives are known.
    if (drives && lastFolder === undefined)
      dispatch({ type: 'default-destination', path: startingDestination(drives, lastFolder, vaultPath, openedAt) });
  }, [drives, dispatch, lastFolder, vaultPath, openedAt]);
  const accounts = shell.data.accounts;
  const list = useList(accounts.length, Math.max(3, shell.height - PICKER_CHROME_ROWS), state.step === 'pick');
  const work = useExportWork(dispatch, latest, fileName);

  const formKey = formKeys(dispatch, work.submit, () => shell.navigate({ type: 'back' }), destination.key);

  // Moving through the list is useList's; marking and leaving are the picker's own.
  const pickKey = (input: string, key: Key) => {
    const command = commandFor(input, key, ['confirm', 'back']);
    if (command) return dispatch({ type: 'picked', next: command === 'confirm' });
    const account = accounts[list.latest().cursor];
    if (commandFor(input, key, ['toggle']) && account) dispatch({ type: 'mark', publicKey: account.publicKey });
  };

  const doneKey = (input: string, key: Key, now: ExportAt<'done'>) => {
    const command = commandFor(input, key, ['confirm', 'back', 'showQr']);
    if (command === 'showQr') {
      if (screen) receipts.set(screen, now);
      void showFile(now.target);
    } else if (command) shell.navigate({ type: 'back' });
    else shell.globalKey(input, key);
  };

  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    const now = latest();
    const answer = commandFor(input, key, ['yes', 'no']);
    if (now.step === 'form') formKey(input, key, now);
    else if (now.step === 'pick') pickKey(input, key);
    else if (now.step === 'same-password' && answer === 'yes') {
      dispatch({ type: 'keep-password' });
      void work.toDestination();
    } else if (now.step === 'same-password' && answer === 'no') dispatch({ type: 'change-password' });
    else if (now.step === 'replace' && answer === 'yes') void work.write(now, now.target, true);
    else if (now.step === 'replace' && answer === 'no') dispatch({ type: 'keep' });
    else if (now.step === 'done') doneKey(input, key, now);
    // While checking or writing, keys wait: a half-written backup is not left by a key.
  }, true);

  return { state, accounts, list, destination };
}

/** The form's keys: fields, choices, text, and the submit that starts the work. */
function formKeys(
  dispatch: (action: ExportAction) => void,
  submit: (now: ExportAt<'form'>) => Promise<void>,
  leave: () => void,
  destinationKey: ExportDestination['key'],
) {
  const choose = ({ form }: ExportAt<'form'>, step: 1 | -1) =>
    dispatch(form.focus === 'receipt' ? { type: 'toggle-receipt' } : { type: 'cycle', step });

  return (input: string, key: Key, now: ExportAt<'form'>) => {
    // Enter on "chosen accounts" opens the picker to choose them.
    if (now.form.focus === 'what' && now.choice.what === 'chosen' && commandFor(input, key, ['confirm']))
      return dispatch({ type: 'pick' });
    if (destinationKey(input, key, now)) return;
    const intent = formIntentOf(input, key, {
      onLastField: isLastField(now.form),
      onChoice: isChoiceField(now.form.focus),
    });
    switch (intent?.type) {
      case 'field':
        return dispatch({ type: 'form', action: intent.action });
      case 'choose':
        return choose(now, intent.step);
      case 'send':
        return void submit(now);
      case 'leave':
        return leave();
    }
  };
}
