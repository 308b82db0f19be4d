import type { Key } from 'ink';
import { useEffect } from 'react';
import { scanLedger, showOnLedger, SCAN_TIMEOUT_MS, SHOW_TIMEOUT_MS } from '../../ledger/polkadot-app.js';
import { saveScannedLedger, savedSummary } from '../../vault/save-ledger.js';
import { textKeyOf } from '../../ui/components/text-keys.js';
import { isLastField } from '../../ui/components/form-state.js';
import { LIST_MOVES, MOVE_COMMANDS } from '../../ui/components/use-list.js';
import { commandFor, isInterrupt } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import { runReporting } from '../run-reporting.js';
import { nameProblem } from '../identities/use-identity-name.js';
import { FOUND_CHROME_ROWS } from './found-rows.js';
import { errorSentence } from '../../ui/sentence.js';
import { ScanForm } from './scan-form.js';
import { Found, Naming, ScanFailed, Scanning, Showing } from './scan-steps.js';
import { useAbandonable } from './use-abandonable.js';
import { initialLedgerScan, ledgerScanReducer } from './ledger-scan-state.js';
import { checkScanForm, firstProblemField, type ScanFormAction, type ScanRequest } from './scan-form-state.js';

/** Title, progress line, header, hints and the gaps between them. */
const SCANNING_CHROME_ROWS = 7;

/**
 * Reads accounts from a Ledger (rows appear as it answers), shows one on the device to compare,
 * and saves them as a `ledger` identity: public keys only. Device calls never hold the keys:
 * Esc abandons one, and an error from the device is said as its one sentence.
 */
export function LedgerScan() {
  const shell = useShell();
  const listHeight = Math.max(3, shell.height - FOUND_CHROME_ROWS);
  const [state, dispatch, latest] = useSynchronousReducer(ledgerScanReducer, () =>
    initialLedgerScan(shell.data.settings.defaultNetwork, listHeight),
  );
  useEffect(() => dispatch({ type: 'resize', height: listHeight }), [listHeight]);
  const device = useAbandonable();

  const scan = (request: ScanRequest) => {
    dispatch({ type: 'scan', request });
    const { attempt } = latest();
    const signal = device.start();
    scanLedger({
      transport: request.transport,
      timeoutMs: SCAN_TIMEOUT_MS,
      accounts: request.accounts,
      index: 0,
      ss58Prefix: request.network.prefix,
      signal,
      onAddress: (address) => dispatch({ type: 'found', attempt, address }),
    }).then(
      (found) => dispatch({ type: 'scanned', attempt, found }),
      (error: unknown) => dispatch({ type: 'failed', attempt, problem: errorSentence(error) }),
    );
  };

  const show = (account: number) => {
    const { request } = latest();
    if (!request) return;
    dispatch({ type: 'show', account });
    const { attempt } = latest();
    showOnLedger({
      transport: request.transport,
      timeoutMs: SHOW_TIMEOUT_MS,
      account,
      index: 0,
      ss58Prefix: request.network.prefix,
      signal: device.start(),
      onAddress: (address) => dispatch({ type: 'show-address', attempt, address }),
    }).then(
      (address) => dispatch({ type: 'shown', attempt, address }),
      (error: unknown) => dispatch({ type: 'failed', attempt, problem: errorSentence(error) }),
    );
  };

  const save = async () => {
    const { request, found, name } = latest();
    if (!request || nameProblem(shell.data, name)) return;
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
  };

  const submit = () => {
    const { setup } = latest();
    const { request } = checkScanForm(setup);
    const wrong = firstProblemField(setup);
    if (wrong || !request) return dispatch({ type: 'refused', field: wrong ?? 'network' });
    scan(request);
  };

  const formKey = (input: string, key: Key) => {
    const { form } = latest().setup;
    const setup = (action: ScanFormAction) => dispatch({ type: 'setup', action });
    if (key.escape) return shell.navigate({ type: 'back' });
    if (key.tab || key.upArrow || key.downArrow) {
      const back = key.upArrow || (key.tab && key.shift);
      return setup({ type: 'form', action: { type: back ? 'previous' : 'next' } });
    }
    if (key.ctrl && input === 's') return submit();
    if (form.focus === 'transport' && (input === ' ' || commandFor(input, key, ['previousChoice', 'nextChoice']))) {
      return setup({ type: 'toggle-transport' });
    }
    const text = textKeyOf(input, key);
    if (text?.submit) {
      if (isLastField(form)) submit();
      else setup({ type: 'form', action: { type: 'next' } });
    } else if (text?.edit) setup({ type: 'form', action: { type: 'edit', edit: text.edit } });
  };

  const cancel = () => {
    device.abandon();
    dispatch({ type: 'cancel' });
  };

  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    const s = latest();
    switch (s.step) {
      case 'form':
        return formKey(input, key);
      case 'scanning':
      case 'showing':
        if (key.escape) cancel();
        return;
      case 'failed': {
        const command = commandFor(input, key, ['confirm', 'back']);
        if (command === 'confirm' && s.request) scan(s.request);
        else if (command === 'back') cancel();
        return;
      }
      case 'list': {
        const command = commandFor(input, key, ['save', 'showOnDevice', 'back', ...MOVE_COMMANDS]);
        const selected = s.found[s.list.cursor];
        const move = command && LIST_MOVES[command];
        if (move) dispatch({ type: 'move', move });
        else if (command === 'showOnDevice' && selected) show(selected.account);
        else if (command === 'save') dispatch({ type: 'name' });
        else if (command === 'back') cancel();
        else shell.globalKey(input, key);
        return;
      }
      case 'naming': {
        const text = textKeyOf(input, key);
        if (key.escape) cancel();
        else if (text?.submit) void save();
        else if (text?.edit) dispatch({ type: 'name-edit', edit: text.edit });
        return;
      }
      case 'saving':
        // The vault is being written: keys wait.
        return;
    }
  }, true);

  const { width, height } = shell;
  const { request } = state;
  if (state.step === 'form' || !request) return <ScanForm setup={state.setup} said={state.said} width={width} />;
  switch (state.step) {
    case 'scanning':
      return (
        <Scanning
          found={state.found}
          total={request.accounts}
          transport={request.transport}
          width={width}
          height={height - SCANNING_CHROME_ROWS}
        />
      );
    case 'failed':
      return <ScanFailed said={state.said} transport={request.transport} width={width} />;
    case 'list':
      return (
        <Found
          found={state.found}
          list={state.list}
          networkName={request.network.name}
          said={state.said}
          width={width}
        />
      );
    case 'showing':
      return <Showing account={state.showing?.account ?? 0} address={state.showing?.address} width={width} />;
    case 'naming':
    case 'saving':
      return (
        <Naming
          count={state.found.length}
          name={state.name}
          problem={nameProblem(shell.data, state.name)}
          said={state.said}
          saving={state.step === 'saving'}
          width={width}
        />
      );
  }
}
