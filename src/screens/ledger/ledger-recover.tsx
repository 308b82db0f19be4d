import { useShell } from '../shell-context.js';
import { Deriving, RecoverDetails, RecoverWarning, RecoverWords, Review } from './recover-steps.js';
import { useLedgerRecover } from './use-ledger-recover.js';

/** Title, progress line, header, hints and the gaps between them. */
const DERIVING_CHROME_ROWS = 7;

/**
 * Recovers a Ledger's accounts from its words, offline: after a warning that this makes it a
 * software wallet, the words (typed with completion, or pasted), an optional passphrase, how
 * many accounts and the name; the addresses are derived with progress and shown before saving.
 */
export function LedgerRecover() {
  const { width, height, data } = useShell();
  const { state, entry } = useLedgerRecover();
  switch (state.step) {
    case 'warning':
      return <RecoverWarning width={width} />;
    case 'words':
      return <RecoverWords entry={entry} width={width} />;
    case 'details':
      return <RecoverDetails form={state.form} problem={state.problem} data={data} width={width} />;
    case 'deriving':
      return (
        <Deriving
          found={state.found}
          total={state.settings.accounts}
          width={width}
          height={height - DERIVING_CHROME_ROWS}
        />
      );
    case 'review':
      return <Review recovered={state.recovered} problem={state.problem} saving={false} width={width} />;
    case 'saving':
      return <Review recovered={state.recovered} saving width={width} />;
  }
}
