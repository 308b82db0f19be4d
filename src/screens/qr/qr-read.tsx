import type { Key } from 'ink';
import { useEffect, useRef } from 'react';
import { join } from 'node:path';
import { UserError } from '../../errors.js';
import { destinationKind } from '../../media/backup-files.js';
import { writeFileDurably } from '../../media/durable-write.js';
import { formatBytes } from '../../media/format-bytes.js';
import { readQrFrom } from '../../qr/read.js';
import { textKeyOf } from '../../ui/components/text-keys.js';
import { commandFor, isInterrupt } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import type { VaultSession } from '../../vault/store.js';
import { runReporting } from '../run-reporting.js';
import { classify, defaultSavePath, fileNameFor, readProgress, saveDirectory, type Found } from './qr-found.js';
import { FoundStep, ReadingStep, ReadPathStep } from './read-steps.js';
import { initialRead, readReducer } from './qr-read-state.js';
import { usePathField } from './use-path-field.js';

// The screen is left for the import or the address book: the pictures' path is there on the return.
const lastPath = new WeakMap<VaultSession, string>();

/**
 * Reads pictures of QR codes (a picture, a folder of frames, a camera or a video) in worker threads, showing
 * how far the transfer has come; Esc stops it. A backup is saved where the user says, then
 * offered for import; an address is offered for the address book; anything else for saving.
 */
export function QrRead() {
  const shell = useShell();
  const field = usePathField({ folders: true, start: lastPath.get(shell.session) });
  const [state, dispatch, latest] = useSynchronousReducer(readReducer, initialRead);
  const reading = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => reading.current?.abort(), []);

  const read = async (pictures: string) => {
    lastPath.set(shell.session, pictures);
    const controller = new AbortController();
    reading.current = controller;
    const { signal } = controller;
    dispatch({ type: 'read' });
    const outcome = await runReporting(shell, 'Reading QR pictures…', async () => {
      const { result, source } = await readQrFrom(pictures, {
        signal,
        // Pictures decoded before Esc still report: after it, they are no one's business.
        onProgress: (tally, progress) =>
          signal.aborted || dispatch({ type: 'progress', progress: readProgress(tally, progress) }),
      });
      return { found: classify(result), source };
    });
    if (signal.aborted) return shell.notify(undefined);
    if (!outcome.ok) return dispatch({ type: 'failed', problem: outcome.message });
    const { found, source } = outcome.value;
    const fileName = found.kind === 'address' ? '' : fileNameFor(found, new Date());
    dispatch({
      type: 'found',
      found,
      fileName,
      destination: defaultSavePath(saveDirectory(field.drives, pictures, source), fileName),
    });
  };

  const save = async () => {
    const { found, destination, fileName } = latest();
    if (!found || found.kind === 'address') return;
    dispatch({ type: 'save' });
    const outcome = await runReporting(
      shell,
      'Saving…',
      async () => {
        let target = destination.trim();
        if (!target) throw new UserError('there is no path to save it to', 'type one');
        if ((await destinationKind(target)) === 'directory') target = join(target, fileName);
        if ((await destinationKind(target)) !== 'new')
          throw new UserError(`${target} already exists`, 'type another name');
        // As `airlock qr read --out` writes it: durably, readable by the owner only.
        await writeFileDurably(target, found.payload, { mode: 0o600 });
        return target;
      },
      (target) => `Saved ${formatBytes(found.payload.length)} to ${target}`,
    );
    dispatch(outcome.ok ? { type: 'saved', path: outcome.value } : { type: 'save-failed', problem: outcome.message });
  };

  const foundKey = (input: string, key: Key, found: Found) => {
    if (commandFor(input, key, ['back'])) return dispatch({ type: 'again' });
    if (found.kind === 'address') {
      if (commandFor(input, key, ['confirm'])) openAddressBook(found);
      return;
    }
    const text = textKeyOf(input, key);
    if (text?.submit) void save();
    else if (text?.edit) dispatch({ type: 'destination-edit', edit: text.edit });
  };

  const openAddressBook = (found: Extract<Found, { kind: 'address' }>) => {
    const prefill = { name: found.name, address: found.address, network: found.network?.name ?? '' };
    shell.navigate({ type: 'open', screen: { name: 'address-add', prefill } });
  };

  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    const { step, found, saved } = latest();
    if (step === 'path') {
      if (commandFor(input, key, ['back'])) return shell.navigate({ type: 'back' });
      const chosen = field.key(input, key);
      if (chosen !== undefined) void read(chosen);
    } else if (step === 'reading' && commandFor(input, key, ['back'])) {
      reading.current?.abort();
      dispatch({ type: 'stop' });
    } else if (step === 'found' && found) foundKey(input, key, found);
    else if (step === 'saved') {
      const command = commandFor(input, key, ['confirm', 'back']);
      if (command === 'confirm' && found?.kind === 'backup' && saved) {
        shell.navigate({ type: 'open', screen: { name: 'backup-import', verifyOnly: false, path: saved } });
      } else if (command) dispatch({ type: 'again' });
      else shell.globalKey(input, key);
    }
  }, true);

  if (state.step === 'path') return <ReadPathStep state={field.state} read={state} />;
  if (state.step === 'reading') return <ReadingStep path={field.state.path} progress={state.progress} />;
  return <FoundStep state={state} />;
}
