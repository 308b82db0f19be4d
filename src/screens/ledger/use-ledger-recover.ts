import type { Key } from 'ink';
import { useEffect } from 'react';
import { deriveLedgerAddresses } from '../../ledger/recover.js';
import { saveRecoveredLedger, savedSummary } from '../../vault/save-ledger.js';
import { LIST_MOVES, MOVE_COMMANDS } from '../../ui/components/use-list.js';
import { commandFor, isInterrupt } from '../../ui/keymap.js';
import { errorSentence } from '../../ui/sentence.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import { useShell } from '../shell-context.js';
import { runReporting } from '../run-reporting.js';
import { verdictOf, type WordEntryState } from '../identities/word-entry-state.js';
import { useWordEntry } from '../identities/use-word-entry.js';
import { FOUND_CHROME_ROWS } from './found-rows.js';
import { formIntentOf } from '../../ui/components/form-intent.js';
import { isLastField } from '../../ui/components/form-state.js';
import { useAbandonable, type Work } from '../../ui/use-abandonable.js';
import {
  initialLedgerRecover,
  ledgerRecoverReducer,
  type LedgerRecoverAction,
  type LedgerRecoverState,
  type Recovered,
} from './ledger-recover-state.js';
import { sendRecoverForm, type RecoverForm, type RecoverSettings } from './recover-form-state.js';

/** A Ledger's phrase has 24 words; ←/→ on the word entry sets the shorter ones a device also takes. */
const LEDGER_WORDS = 24;

type Dispatch = (action: LedgerRecoverAction) => void;
type Secret = NonNullable<ReturnType<typeof secretOf>>;

/** The phrase and passphrase as the functions below take them, made at the moment of the call. */
function secretOf(entry: WordEntryState, passphrase: string) {
  const verdict = verdictOf(entry);
  if (!verdict?.ok) return undefined;
  const bytes = new TextEncoder().encode(passphrase);
  return { phrase: verdict.phrase, passphrase: bytes.length ? bytes : undefined, wipe: () => bytes.fill(0) };
}

/** What the keys of the recover screen set off besides a change of state. */
interface RecoverEffects {
  dispatch: Dispatch;
  /** The form sent: the derivation starts, or the first wrong field is shown. */
  send: (form: RecoverForm) => void;
  save: (recovered: Recovered, form: RecoverForm) => Promise<void>;
  /** Esc while deriving: the derivation is abandoned. */
  stop: () => void;
  leave: () => void;
}

/**
 * The recover screen's state, its derivation and save, and its keys. The words have a handler
 * of their own: while they are typed, this one reads no key.
 */
export function useLedgerRecover() {
  const shell = useShell();
  const listHeight = Math.max(3, shell.height - FOUND_CHROME_ROWS - 1);
  const [state, dispatch, latest] = useSynchronousReducer(ledgerRecoverReducer, () =>
    initialLedgerRecover(shell.data.settings.defaultNetwork, listHeight),
  );
  useEffect(() => dispatch({ type: 'resize', height: listHeight }), [dispatch, listHeight]);
  const work = useAbandonable();
  const entry = useWordEntry({
    isActive: state.step === 'words',
    count: LEDGER_WORDS,
    onDone: () => dispatch({ type: 'words-done' }),
    onCancel: () => dispatch({ type: 'back' }),
  });

  const effects: RecoverEffects = {
    dispatch,
    send: (form) => {
      const sent = sendRecoverForm(form, shell.data);
      if ('wrong' in sent) return dispatch({ type: 'refused', field: sent.wrong });
      const secret = secretOf(entry, form.values.passphrase);
      if (!secret) return dispatch({ type: 'back' });
      startDerivation(sent.settings, secret, work.start(), dispatch);
    },
    save: async ({ settings, found }, form) => {
      const secret = secretOf(entry, form.values.passphrase);
      if (!secret) return;
      dispatch({ type: 'save' });
      const outcome = await runReporting(
        shell,
        'Saving the recovered identity…',
        (session) => saveRecoveredLedger(session, settings.name, secret, found, settings.network),
        () => savedSummary(settings.name, 'mnemonic', found),
      ).finally(secret.wipe);
      if (outcome.ok) shell.navigate({ type: 'section', section: 'accounts' });
      else dispatch({ type: 'save-failed', problem: outcome.message });
    },
    stop: () => {
      work.abandon();
      dispatch({ type: 'back' });
    },
    leave: () => shell.navigate({ type: 'back' }),
  };

  useKeys(
    (input, key) => {
      if (!isInterrupt(input, key)) keyAt(latest(), input, key, effects);
    },
    // The words have their own handler: a key is read by one or the other.
    state.step !== 'words',
  );
  return { state, entry };
}

/** Derives the addresses, each row dispatched as it comes; the secret is wiped after. */
function startDerivation(settings: RecoverSettings, secret: Secret, { signal, call }: Work, dispatch: Dispatch): void {
  dispatch({ type: 'derive', settings, call });
  deriveLedgerAddresses({
    phrase: secret.phrase,
    passphrase: secret.passphrase,
    accounts: settings.accounts,
    index: 0,
    ss58Prefix: settings.network.prefix,
    signal,
    onAddress: (address) => dispatch({ type: 'found', call, address }),
  })
    .then(
      (found) => dispatch({ type: 'derived', call, found }),
      (error: unknown) => dispatch({ type: 'failed', call, problem: errorSentence(error) }),
    )
    .finally(secret.wipe);
}

/** What a key does at each step; while saving, keys wait. */
function keyAt(now: LedgerRecoverState, input: string, key: Key, effects: RecoverEffects): void {
  const { dispatch } = effects;
  switch (now.step) {
    case 'warning': {
      const command = commandFor(input, key, ['yes', 'no']);
      if (command === 'yes') dispatch({ type: 'go-on' });
      else if (command === 'no') effects.leave();
      return;
    }
    case 'details': {
      const intent = formIntentOf(input, key, { onLastField: isLastField(now.form), onChoice: false });
      if (intent?.type === 'field') dispatch({ type: 'form', action: intent.action });
      else if (intent?.type === 'send') effects.send(now.form);
      else if (intent?.type === 'leave') dispatch({ type: 'back' });
      return;
    }
    case 'deriving':
      if (commandFor(input, key, ['back'])) effects.stop();
      return;
    case 'review': {
      const command = commandFor(input, key, ['confirm', 'back', ...MOVE_COMMANDS]);
      const move = command && LIST_MOVES[command];
      if (move) dispatch({ type: 'move', move });
      else if (command === 'confirm') void effects.save(now.recovered, now.form);
      else if (command === 'back') dispatch({ type: 'back' });
      return;
    }
  }
}
