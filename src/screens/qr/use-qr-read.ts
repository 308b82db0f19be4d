import type { Key } from 'ink';
import { formatBytes } from '../../media/format-bytes.js';
import { readQrFrom } from '../../qr/read.js';
import { SeveralTransfers } from '../../qr/reassembly.js';
import { saveReceived } from '../../qr/save-received.js';
import { textKeyOf } from '../../ui/components/text-keys.js';
import { useList } from '../../ui/components/use-list.js';
import { useAbandonable } from '../../ui/use-abandonable.js';
import { commandFor, isInterrupt } from '../../ui/keymap.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import type { VaultSession } from '../../vault/store.js';
import type { Screen } from '../navigation.js';
import { runReporting } from '../run-reporting.js';
import { useShell } from '../shell-context.js';
import {
  classify,
  defaultSavePath,
  fileNameFor,
  isImportable,
  readProgress,
  saveDirectory,
  type AddressFound,
} from './qr-found.js';
import { initialRead, readReducer, type ReadAction, type ReadAt, type ReadState } from './qr-read-state.js';
import { usePathField } from './use-path-field.js';

/** Title, intro, blank, hints at the choice of transfers: the rest is the list. */
export const CHOOSE_CHROME_ROWS = 7;

// The screen is left for the import or the address book: the pictures' path is there on the return.
const lastPath = new WeakMap<VaultSession, string>();

/** What the keys of the reading screen set off besides a change of state. */
interface ReadEffects {
  dispatch: (action: ReadAction) => void;
  /** The path field's own keys; the pictures' path once Enter sends it. */
  pathKey: (input: string, key: Key) => string | undefined;
  /** `transfer`: the one chosen when the pictures held several. */
  read: (pictures: string, transfer?: string) => Promise<void>;
  /** At the choice of transfers: reads the pictures again for the one under the cursor. */
  readChosen: () => void;
  /** Esc while reading: the decoding is abandoned. */
  stop: () => void;
  save: (offer: ReadAt<'found'>) => Promise<void>;
  open: (screen: Screen) => void;
  leave: () => void;
  globalKey: (input: string, key: Key) => void;
}

/**
 * The reading screen's state, its work and its keys. The pictures are decoded in worker threads
 * that Esc, or leaving the screen, abandons; what they held is saved through saveReceived.
 */
export function useQrRead() {
  const shell = useShell();
  const field = usePathField({ folders: true, start: lastPath.get(shell.session) });
  const [state, dispatch, latest] = useSynchronousReducer(readReducer, initialRead);
  const reading = useAbandonable();
  const transfers = state.step === 'choose' ? state.transfers : [];
  const list = useList(transfers.length, Math.max(2, shell.height - CHOOSE_CHROME_ROWS), state.step === 'choose');

  const effects: ReadEffects = {
    dispatch,
    pathKey: field.key,
    readChosen: () => {
      const now = latest();
      const transfer = now.step === 'choose' ? now.transfers[list.latest().cursor]?.id : undefined;
      const pictures = lastPath.get(shell.session);
      if (transfer !== undefined && pictures !== undefined) void effects.read(pictures, transfer);
    },
    read: async (pictures, transfer) => {
      lastPath.set(shell.session, pictures);
      const { signal } = reading.start();
      dispatch({ type: 'read' });
      const outcome = await runReporting(shell, 'Reading QR pictures…', async () => {
        const { result, source, tally, others } = await readQrFrom(pictures, {
          signal,
          ...(transfer === undefined ? {} : { transfer }),
          // Pictures decoded before Esc still report: after it, they are no one's business.
          onProgress: (tally, progress) =>
            signal.aborted || dispatch({ type: 'progress', progress: readProgress(tally, progress) }),
        });
        return { found: classify(result), source, progress: readProgress(tally, { fraction: 1, missing: 0 }, others) };
      });
      if (signal.aborted) return shell.notify(undefined);
      if (!outcome.ok && outcome.error instanceof SeveralTransfers) {
        // Not a failure here: the screen asks which one.
        shell.notify(undefined);
        return dispatch({ type: 'several', transfers: outcome.error.transfers });
      }
      if (!outcome.ok) return dispatch({ type: 'failed', problem: outcome.message });
      const { found, source, progress } = outcome.value;
      const fileName = found.kind === 'address' ? '' : fileNameFor(found, new Date());
      const destination = defaultSavePath(saveDirectory(field.drives, pictures, source), fileName);
      dispatch({ type: 'found', found, fileName, destination, progress });
    },
    stop: () => {
      reading.abandon();
      dispatch({ type: 'stop' });
    },
    save: async ({ found, destination, fileName }) => {
      dispatch({ type: 'save' });
      const outcome = await runReporting(
        shell,
        'Saving…',
        () => saveReceived(destination, found.payload, fileName),
        (target) => `Saved ${formatBytes(found.payload.length)} to ${target}`,
      );
      dispatch(outcome.ok ? { type: 'saved', path: outcome.value } : { type: 'save-failed', problem: outcome.message });
    },
    open: (screen) => shell.navigate({ type: 'open', screen }),
    leave: () => shell.navigate({ type: 'back' }),
    globalKey: (input, key) => void shell.globalKey(input, key),
  };

  useKeys((input, key) => {
    if (!isInterrupt(input, key)) keyAt(latest(), input, key, effects);
  }, true);
  return { state, field: field.state, list };
}

/** What a key does at each step. */
function keyAt(now: ReadState, input: string, key: Key, effects: ReadEffects): void {
  const back = commandFor(input, key, ['back']) !== undefined;
  switch (now.step) {
    case 'path': {
      if (back) return effects.leave();
      const chosen = effects.pathKey(input, key);
      if (chosen !== undefined) void effects.read(chosen);
      return;
    }
    case 'reading':
      if (back) effects.stop();
      return;
    case 'choose': {
      if (back) return effects.dispatch({ type: 'again' });
      if (commandFor(input, key, ['confirm'])) effects.readChosen();
      return;
    }
    case 'address':
      if (back) effects.dispatch({ type: 'again' });
      else if (commandFor(input, key, ['confirm'])) effects.open(addressBookFor(now.found));
      return;
    case 'found': {
      if (back) return effects.dispatch({ type: 'again' });
      const text = textKeyOf(input, key);
      if (text?.submit) void effects.save(now);
      else if (text?.edit) effects.dispatch({ type: 'destination-edit', edit: text.edit });
      return;
    }
    case 'saving':
      // The file is being written: keys wait.
      return;
    case 'saved': {
      const command = commandFor(input, key, ['confirm', 'back']);
      if (command === 'confirm' && isImportable(now.found)) {
        effects.open({ name: 'backup-import', verifyOnly: false, path: now.saved });
      } else if (command) effects.dispatch({ type: 'again' });
      else effects.globalKey(input, key);
    }
  }
}

/** The address book's form, filled in from the code. */
function addressBookFor(found: AddressFound): Screen {
  return {
    name: 'address-add',
    prefill: { name: found.name, address: found.address, network: found.network?.name ?? '' },
  };
}
