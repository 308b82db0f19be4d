import { useShell } from '../shell-context.js';
import { nameProblem } from '../identities/use-identity-name.js';
import { ScanForm } from './scan-form.js';
import { Found, Naming, ScanFailed, Scanning, Showing } from './scan-steps.js';
import { useLedgerScan } from './use-ledger-scan.js';

/** Title, progress line, header, hints and the gaps between them. */
const SCANNING_CHROME_ROWS = 7;

/**
 * Reads accounts from a Ledger (rows appear as it answers), shows one on the device to compare,
 * and saves them as a `ledger` identity: public keys only.
 */
export function LedgerScan() {
  const { width, height, data } = useShell();
  const state = useLedgerScan();
  switch (state.step) {
    case 'form':
      return <ScanForm setup={state.setup} message={state.message} width={width} />;
    case 'scanning': {
      const { request, found } = state;
      return (
        <Scanning
          found={found}
          total={request.accounts}
          transport={request.transport}
          width={width}
          height={height - SCANNING_CHROME_ROWS}
        />
      );
    }
    case 'failed':
      return <ScanFailed message={state.message} transport={state.request.transport} width={width} />;
    case 'list':
      return <Found scan={state.scan} message={state.message} width={width} />;
    case 'showing':
      return <Showing account={state.account} address={state.address} width={width} />;
    case 'naming':
    case 'saving':
      return (
        <Naming
          count={state.scan.found.length}
          name={state.name}
          problem={nameProblem(data, state.name)}
          message={state.step === 'naming' ? state.message : undefined}
          saving={state.step === 'saving'}
          width={width}
        />
      );
  }
}
