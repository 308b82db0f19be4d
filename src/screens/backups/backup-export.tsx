import { Box, Text, type Key } from 'ink';
import { join } from 'node:path';
import { useEffect, useState } from 'react';
import { describeError } from '../../errors.js';
import { writeFileDurably } from '../../media/durable-write.js';
import { textKeyOf } from '../../ui/components/text-keys.js';
import { isLastField } from '../../ui/components/use-form-state.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { commandFor, isInterrupt } from '../../ui/keymap.js';
import { useShell } from '../../ui/shell-context.js';
import { theme } from '../../ui/theme.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import { backupContent, formatReceipt, writeBackup } from '../../vault/backup.js';
import { destinationKind } from '../../media/backup-files.js';
import { backupFileName, defaultDestination } from './backup-text.js';
import { ExportForm } from './export-form.js';
import { ReceiptView } from './receipt-view.js';
import { runReporting } from './run-reporting.js';
import { exportProblem, exportReducer, initialExport, targetOf } from './use-backup-export-state.js';
import { useDrives } from './use-drives.js';

/**
 * Exports the whole vault to a backup file, verified by reading it back, and shows the
 * receipt. The vault password cannot be compared with the backup password here: the
 * unlocked session does not keep it, so the form says to choose another instead.
 */
export function BackupExport() {
  const shell = useShell();
  // One moment names the file, so the name does not change while the user looks at it.
  const [openedAt] = useState(() => new Date());
  const fileName = backupFileName(openedAt);
  const [state, dispatch, current] = useSynchronousReducer(exportReducer, () =>
    initialExport(defaultDestination([], shell.session.path, openedAt)),
  );
  const drives = useDrives();
  useEffect(() => {
    if (drives) dispatch({ type: 'default-destination', path: defaultDestination(drives, shell.session.path, openedAt) });
  }, [drives]);

  const write = async (target: string, overwrite: boolean) => {
    const { password } = current.current.form.values;
    const receiptFile = current.current.receiptFile;
    const bytes = new TextEncoder().encode(password);
    dispatch({ type: 'write', target });
    const outcome = await runReporting(
      shell,
      'Writing the backup, then reading it back to verify it (scrypt)…',
      async (session) => {
        const receipt = await writeBackup(target, backupContent(session.data), bytes, { overwrite });
        return formatReceipt(receipt);
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
    const { form } = current.current;
    const refused = exportProblem(form.values);
    if (refused) return dispatch({ type: 'refused', field: refused.field, problem: refused.text });
    dispatch({ type: 'check' });
    let target = targetOf(form.values.destination, fileName);
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
    const { form } = current.current;
    if (key.escape) return shell.navigate({ type: 'back' });
    if (key.tab) return dispatch({ type: 'form', action: { type: key.shift ? 'previous' : 'next' } });
    if (key.downArrow || key.upArrow) return dispatch({ type: 'form', action: { type: key.downArrow ? 'next' : 'previous' } });
    if (key.ctrl && input === 's') return void submit();
    if (form.focus === 'receipt' && (input === ' ' || commandFor(input, key, ['previousChoice', 'nextChoice']))) {
      return dispatch({ type: 'toggle-receipt' });
    }
    const text = textKeyOf(input, key);
    if (text?.submit) {
      if (isLastField(form)) void submit();
      else dispatch({ type: 'form', action: { type: 'next' } });
    } else if (text?.edit) dispatch({ type: 'form', action: { type: 'edit', edit: text.edit } });
  };

  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    const { step, target } = current.current;
    if (step === 'form') formKey(input, key);
    else if (step === 'replace') {
      const command = commandFor(input, key, ['yes', 'no']);
      if (command === 'yes' && target) void write(target, true);
      else if (command === 'no') dispatch({ type: 'keep' });
    } else if (step === 'done') {
      if (commandFor(input, key, ['confirm', 'back'])) shell.navigate({ type: 'back' });
      else shell.globalKey(input, key);
    }
    // While checking or writing, keys wait: a half-written backup is not left by a key.
  }, true);

  if (state.step === 'done' && state.written) return <ReceiptView written={state.written} />;
  if (state.step === 'replace' || state.step === 'writing') return <Working state={state.step} target={state.target ?? ''} />;
  return <ExportForm state={state} />;
}

function Working({ state, target }: { state: 'replace' | 'writing'; target: string }) {
  const shell = useShell();
  return (
    <Box flexDirection="column" width={shell.width} gap={1}>
      <Text bold>Export a backup</Text>
      {state === 'replace' ? (
        <>
          <Text wrap="wrap">{`${target} already exists.`}</Text>
          <Text>Replace it with a new backup of this vault?</Text>
          <Text color={theme.warning}>y or Enter replaces it · n or Esc keeps it</Text>
          <KeyHints commands={['yes', 'no']} />
        </>
      ) : (
        <>
          <Text wrap="wrap">{`Writing ${target}, then reading it back and decrypting it to verify it…`}</Text>
          <Text color={theme.muted}>Leave the medium in until the receipt shows.</Text>
        </>
      )}
    </Box>
  );
}
