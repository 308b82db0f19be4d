import type { Key } from 'ink';
import { useEffect } from 'react';
import { scanLedger, showOnLedger, SCAN_TIMEOUT_MS, SHOW_TIMEOUT_MS } from '../../ledger/polkadot-app.js';
import { saveScannedLedger, savedSummary } from '../../vault/save-ledger.js';
import { textKeyOf } from '../../ui/components/text-keys.js';
import { LIST_MOVES, MOVE_COMMANDS } from '../../ui/components/use-list.js';
import { commandFor, isInterrupt } from '../../ui/keymap.js';
import { errorSentence } from '../../ui/sentence.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import { useShell } from '../shell-context.js';
import { runReporting } from '../run-reporting.js';
import { nameProblem } from '../identities/use-identity-name.js';
import { FOUND_CHROME_ROWS } from './found-rows.js';
import { formIntentOf } from '../../ui/components/form-intent.js';
import { isLastField } from '../../ui/components/form-state.js';
import { useAbandonable, type Work } from '../../ui/use-abandonable.js';
import {
  initialLedgerScan,
  ledgerScanReducer,
  type LedgerScanAction,
  type LedgerScanState,
  type Scan,
} from './ledger-scan-state.js';
import { sendScanForm, type ScanRequest } from './scan-form-state.js';

type Dispatch = (action: LedgerScanAction) => void;

/** What the keys of the scan screen set off besides a change of state. */
interface ScanEffects {
  dispatch: Dispatch;
  scan: (request: ScanRequest) => void;
  show: (scan: Scan, account: number) => void;
  save: (scan: Scan) => Promise<void>;
  /** Esc during a step: one step back, abandoning the device call under way. */
  cancel: () => void;
  leave: () => void;
  globalKey: (input: string, key: Key) => void;
}

/**
 * The scan screen's state, its device calls and its keys. Device calls never hold the keys:
 * Esc abandons one, as leaving the screen does, and an error from the device is said as its
 * one sentence.
 */
export function useLedgerScan(): LedgerScanState {
  const shell = useShell();
  const listHeight = Math.max(3, shell.height - FOUND_CHROME_ROWS);
  const [state, dispatch, latest] = useSynchronousReducer(ledgerScanReducer, () =>
    initialLedgerScan(shell.data.settings.defaultNetwork, listHeight),
  );
  useEffect(() => dispatch({ type: 'resize', height: listHeight }), [dispatch, listHeight]);
  const device = useAbandonable();

  const effects: ScanEffects = {
    dispatch,
    scan: (request) => startScan(request, device.start(), dispatch),
    show: ({ request }, account) => startShow(request, account, device.start(), dispatch),
    save: async ({ request, found }) => {
      const { name } = latest();
      if (nameProblem(shell.data, name)) return;
      const identity = name.trim();
      dispatch({ type: 'save' });
      const outcome = await runReporting(
        shell,
        'Saving the Ledger accounts…',
        (session) => saveScannedLedger(session, identity, found, request.network),
        () => savedSummary(identity, 'ledger', found),
      );
      if (outcome.ok) shell.navigate({ type: 'section', section: 'accounts' });
      else dispatch({ type: 'save-failed', problem: outcome.message });
    },
    cancel: () => {
      device.abandon();
      dispatch({ type: 'cancel' });
    },
    leave: () => shell.navigate({ type: 'back' }),
    globalKey: (input, key) => void shell.globalKey(input, key),
  };

  useKeys((input, key) => {
    if (!isInterrupt(input, key)) keyAt(latest(), input, key, effects);
  }, true);
  return state;
}

/** Reads the accounts, each row dispatched as the device gives it. */
function startScan(request: ScanRequest, { signal, call }: Work, dispatch: Dispatch): void {
  dispatch({ type: 'scan', request, call });
  scanLedger({
    transport: request.transport,
    timeoutMs: SCAN_TIMEOUT_MS,
    accounts: request.accounts,
    index: 0,
    ss58Prefix: request.network.prefix,
    signal,
    onAddress: (address) => dispatch({ type: 'found', call, address }),
  }).then(
    (found) => dispatch({ type: 'scanned', call, found }),
    (error: unknown) => dispatch({ type: 'failed', call, problem: errorSentence(error) }),
  );
}

/** Has the device show one account's address and wait for the person to approve or reject it. */
function startShow(request: ScanRequest, account: number, { signal, call }: Work, dispatch: Dispatch): void {
  dispatch({ type: 'show', account, call });
  showOnLedger({
    transport: request.transport,
    timeoutMs: SHOW_TIMEOUT_MS,
    account,
    index: 0,
    ss58Prefix: request.network.prefix,
    signal,
    onAddress: (address) => dispatch({ type: 'show-address', call, address }),
  }).then(
    (address) => dispatch({ type: 'shown', call, address }),
    (error: unknown) => dispatch({ type: 'failed', call, problem: errorSentence(error) }),
  );
}

/** What a key does at each step. */
function keyAt(now: LedgerScanState, input: string, key: Key, effects: ScanEffects): void {
  switch (now.step) {
    case 'form':
      return formKey(now, input, key, effects);
    case 'scanning':
    case 'showing':
      if (commandFor(input, key, ['back'])) effects.cancel();
      return;
    case 'failed': {
      const command = commandFor(input, key, ['confirm', 'back']);
      if (command === 'confirm') effects.scan(now.request);
      else if (command === 'back') effects.cancel();
      return;
    }
    case 'list':
      return listKey(now.scan, input, key, effects);
    case 'naming': {
      const text = textKeyOf(input, key);
      if (commandFor(input, key, ['back'])) effects.cancel();
      else if (text?.submit) void effects.save(now.scan);
      else if (text?.edit) effects.dispatch({ type: 'name-edit', edit: text.edit });
      return;
    }
    case 'saving':
      // The vault is being written: keys wait.
      return;
  }
}

function formKey({ setup }: LedgerScanState, input: string, key: Key, effects: ScanEffects): void {
  const { dispatch } = effects;
  const onChoice = setup.form.focus === 'transport';
  const intent = formIntentOf(input, key, { onLastField: isLastField(setup.form), onChoice });
  switch (intent?.type) {
    case 'field':
      return dispatch({ type: 'setup', action: { type: 'form', action: intent.action } });
    case 'choose':
      return dispatch({ type: 'setup', action: { type: 'toggle-transport' } });
    case 'leave':
      return effects.leave();
    case 'send': {
      const sent = sendScanForm(setup);
      if ('wrong' in sent) dispatch({ type: 'refused', field: sent.wrong });
      else effects.scan(sent.request);
      return;
    }
  }
}

function listKey(scan: Scan, input: string, key: Key, effects: ScanEffects): void {
  const command = commandFor(input, key, ['save', 'showOnDevice', 'back', ...MOVE_COMMANDS]);
  const selected = scan.found[scan.list.cursor];
  const move = command && LIST_MOVES[command];
  if (move) effects.dispatch({ type: 'move', move });
  else if (command === 'showOnDevice' && selected) effects.show(scan, selected.account);
  else if (command === 'save') effects.dispatch({ type: 'name' });
  else if (command === 'back') effects.cancel();
  else effects.globalKey(input, key);
}
