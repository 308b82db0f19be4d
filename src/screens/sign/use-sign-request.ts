import type { Key } from 'ink';
import { readRequestAt } from '../../sign/read-request.js';
import { prepareSignature, signPrepared, type PreparedSignature } from '../../sign/signing.js';
import { LIST_MOVES, MOVE_COMMANDS } from '../../ui/components/use-list.js';
import { commandFor, isInterrupt } from '../../ui/keymap.js';
import { useAbandonable } from '../../ui/use-abandonable.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import type { VaultSession } from '../../vault/store.js';
import { runReporting } from '../run-reporting.js';
import { useShell } from '../shell-context.js';
import { usePathField } from '../qr/use-path-field.js';
import { reviewLayout } from './review-text.js';
import { initialSign, signReducer, type SignAction, type SignState } from './sign-request-state.js';

// The screen is left for the answer's code: the next request is most likely beside the last.
const lastPath = new WeakMap<VaultSession, string>();

/** What the keys of the signing screen set off besides a change of state. */
interface SignEffects {
  dispatch: (action: SignAction) => void;
  pathKey: (input: string, key: Key) => string | undefined;
  read: (path: string) => Promise<void>;
  stop: () => void;
  sign: (prepared: PreparedSignature) => Promise<void>;
  /** Rows of what is signed, and how many of them the screen shows. */
  rows: () => { rows: number; height: number };
  leave: () => void;
  globalKey: (input: string, key: Key) => void;
}

/**
 * The signing screen's state, its work and its keys. The request is read in worker threads
 * that Esc, or leaving the screen, abandons; it is checked by the signing domain, which
 * refuses what it cannot show; it is signed only on y, and the answer opens in the player.
 */
export function useSignRequest() {
  const shell = useShell();
  const field = usePathField({ folders: true, start: lastPath.get(shell.session) });
  const [state, dispatch, latest] = useSynchronousReducer(signReducer, initialSign);
  const reading = useAbandonable();

  const effects: SignEffects = {
    dispatch,
    pathKey: field.key,
    read: async (path) => {
      lastPath.set(shell.session, path);
      const { signal } = reading.start();
      dispatch({ type: 'read' });
      const outcome = await runReporting(shell, 'Reading the request…', async (session) => {
        const request = await readRequestAt(path, {
          signal,
          // Pictures decoded before Esc still report: after it, they are no one's business.
          onProgress: (progress) => signal.aborted || dispatch({ type: 'progress', progress }),
        });
        if (!signal.aborted) dispatch({ type: 'read-done' });
        return signal.aborted ? undefined : prepareSignature(request, session);
      });
      if (signal.aborted) return shell.notify(undefined);
      if (!outcome.ok) return dispatch({ type: 'failed', problem: outcome.message });
      if (outcome.value) dispatch({ type: 'prepared', prepared: outcome.value });
    },
    stop: () => {
      reading.abandon();
      dispatch({ type: 'stop' });
    },
    sign: async (prepared) => {
      dispatch({ type: 'approve', ...effects.rows() });
      if (latest().step !== 'signing') return;
      const outcome = await runReporting(shell, 'Signing…', (session) => signPrepared(prepared, session));
      if (!outcome.ok) return dispatch({ type: 'failed', problem: outcome.message });
      shell.notify({ kind: 'info', text: `Signed with ${prepared.account.name}: the answer's code is on the screen` });
      // The code in place of this screen: closing it goes back to the section's home.
      shell.navigate({ type: 'section', section: 'sign', open: answerScreen(prepared, outcome.value.qrText) });
    },
    rows: () => {
      const now = latest();
      return now.step === 'review' ? reviewLayout(now.prepared, shell.width, shell.height).scroll : NO_ROWS;
    },
    leave: () => shell.navigate({ type: 'back' }),
    globalKey: (input, key) => void shell.globalKey(input, key),
  };

  useKeys((input, key) => {
    if (!isInterrupt(input, key)) keyAt(latest(), input, key, effects);
  }, true);
  return { state, field: field.state };
}

const NO_ROWS = { rows: 0, height: 1 };

/** What the player shows: the answer, named by what signed it. */
function answerScreen(prepared: PreparedSignature, qrText: string) {
  const label = `${prepared.action === 'transaction' ? 'Signature' : 'Message signature'} by ${prepared.account.name} on ${prepared.chain.displayName}`;
  return { name: 'qr-show', source: { kind: 'text', text: qrText, label } } as const;
}

/** What a key does at each step. */
function keyAt(now: SignState, input: string, key: Key, effects: SignEffects): void {
  const back = commandFor(input, key, ['back']) !== undefined;
  switch (now.step) {
    case 'path': {
      if (back) return effects.leave();
      const chosen = effects.pathKey(input, key);
      if (chosen !== undefined) void effects.read(chosen);
      return;
    }
    case 'reading':
    case 'checking':
      if (back) effects.stop();
      return;
    case 'review': {
      if (back) return effects.dispatch({ type: 'refuse' });
      const command = commandFor(input, key, ['approve', ...MOVE_COMMANDS]);
      if (command === 'approve') void effects.sign(now.prepared);
      else if (command) effects.dispatch({ type: 'scroll', move: LIST_MOVES[command]!, ...effects.rows() });
      else effects.globalKey(input, key);
      return;
    }
    case 'signing':
      // The key is being derived and used: keys wait.
      return;
  }
}
