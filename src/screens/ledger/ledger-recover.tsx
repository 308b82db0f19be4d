import { Box, Text, type Key } from 'ink';
import { useEffect } from 'react';
import { deriveLedgerAddresses } from '../../ledger/recover.js';
import { saveRecoveredLedger, savedSummary } from '../../vault/save-ledger.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { textKeyOf } from '../../ui/components/text-keys.js';
import { isLastField } from '../../ui/components/form-state.js';
import { LIST_MOVES, MOVE_COMMANDS } from '../../ui/components/use-list.js';
import { commandFor, isInterrupt } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import { runReporting } from '../run-reporting.js';
import { verdictOf, type WordEntryState } from '../identities/word-entry-state.js';
import { useWordEntry } from '../identities/use-word-entry.js';
import { WordEntry } from '../identities/word-entry.js';
import { FOUND_CHROME_ROWS } from './found-rows.js';
import { errorSentence } from '../../ui/sentence.js';
import { Deriving, RecoverDetails, RecoverWarning, Review, RECOVER_TITLE } from './recover-steps.js';
import { useAbandonable } from './use-abandonable.js';
import {
  checkRecoverForm,
  firstRecoverProblem,
  initialLedgerRecover,
  ledgerRecoverReducer,
} from './ledger-recover-state.js';

/** A Ledger's phrase has 24 words; ←/→ on the word entry sets the shorter ones a device also takes. */
const LEDGER_WORDS = 24;
/** Title, progress line, header, hints and the gaps between them. */
const DERIVING_CHROME_ROWS = 7;

/** The phrase and passphrase as the functions below take them, made at the moment of the call. */
function secretOf(entry: WordEntryState, passphrase: string) {
  const verdict = verdictOf(entry);
  if (!verdict?.ok) return undefined;
  const bytes = new TextEncoder().encode(passphrase);
  return { phrase: verdict.phrase, passphrase: bytes.length ? bytes : undefined, wipe: () => bytes.fill(0) };
}

/**
 * Recovers a Ledger's accounts from its words, offline: after a warning that this makes it a
 * software wallet, the words (typed with completion, or pasted), an optional passphrase, how
 * many accounts and the name; the addresses are derived with progress and shown before saving.
 */
export function LedgerRecover() {
  const shell = useShell();
  const listHeight = Math.max(3, shell.height - FOUND_CHROME_ROWS - 1);
  const [state, dispatch, latest] = useSynchronousReducer(ledgerRecoverReducer, () =>
    initialLedgerRecover(shell.data.settings.defaultNetwork, listHeight),
  );
  useEffect(() => dispatch({ type: 'resize', height: listHeight }), [listHeight]);
  const work = useAbandonable();
  const entry = useWordEntry({
    isActive: state.step === 'words',
    count: LEDGER_WORDS,
    onDone: () => dispatch({ type: 'words-done' }),
    onCancel: () => dispatch({ type: 'back' }),
  });

  const derive = () => {
    const { form } = latest();
    const { settings } = checkRecoverForm(form, shell.data);
    const wrong = firstRecoverProblem(form, shell.data);
    if (wrong || !settings) return dispatch({ type: 'refused', field: wrong ?? 'name' });
    const secret = secretOf(entry, form.values.passphrase);
    if (!secret) return dispatch({ type: 'back' });
    dispatch({ type: 'derive', settings });
    const { attempt } = latest();
    const { accounts, network } = settings;
    deriveLedgerAddresses({
      phrase: secret.phrase,
      passphrase: secret.passphrase,
      accounts,
      index: 0,
      ss58Prefix: network.prefix,
      signal: work.start(),
      onAddress: (address) => dispatch({ type: 'found', attempt, address }),
    })
      .then(
        (found) => dispatch({ type: 'derived', attempt, found }),
        (error: unknown) => dispatch({ type: 'failed', attempt, problem: errorSentence(error) }),
      )
      .finally(secret.wipe);
  };

  const save = async () => {
    const { settings, found, form } = latest();
    const secret = settings && secretOf(entry, form.values.passphrase);
    if (!settings || !secret) return;
    dispatch({ type: 'save' });
    const outcome = await runReporting(
      shell,
      'Saving the recovered identity…',
      (session) => saveRecoveredLedger(session, settings.name, secret, found, settings.network),
      () => savedSummary(settings.name, 'mnemonic', found),
    ).finally(secret.wipe);
    if (outcome.ok) shell.navigate({ type: 'section', section: 'accounts' });
    else dispatch({ type: 'save-failed', problem: outcome.message });
  };

  const detailsKey = (input: string, key: Key) => {
    const { form } = latest();
    const move = (type: 'next' | 'previous') => dispatch({ type: 'form', action: { type } });
    if (key.escape) return dispatch({ type: 'back' });
    if (key.tab || key.upArrow || key.downArrow)
      return move(key.upArrow || (key.tab && key.shift) ? 'previous' : 'next');
    if (key.ctrl && input === 's') return derive();
    const text = textKeyOf(input, key);
    if (text?.submit) {
      if (isLastField(form)) derive();
      else move('next');
    } else if (text?.edit) dispatch({ type: 'form', action: { type: 'edit', edit: text.edit } });
  };

  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    const { step } = latest();
    if (step === 'warning') {
      const command = commandFor(input, key, ['yes', 'no']);
      if (command === 'yes') dispatch({ type: 'go-on' });
      else if (command === 'no') shell.navigate({ type: 'back' });
    } else if (step === 'details') detailsKey(input, key);
    else if (step === 'deriving' && key.escape) {
      work.abandon();
      dispatch({ type: 'back' });
    } else if (step === 'review') {
      const command = commandFor(input, key, ['confirm', 'back', ...MOVE_COMMANDS]);
      const move = command && LIST_MOVES[command];
      if (move) dispatch({ type: 'move', move });
      else if (command === 'confirm') void save();
      else if (command === 'back') dispatch({ type: 'back' });
    }
    // While saving, keys wait.
  }, state.step !== 'words'); // the words have their own handler: a key is read by one or the other

  const { width, height } = shell;
  const { settings } = state;
  switch (state.step) {
    case 'warning':
      return <RecoverWarning width={width} />;
    case 'words':
      return (
        <Box flexDirection="column" width={width}>
          <Text bold>{`${RECOVER_TITLE}: the device's recovery words`}</Text>
          <Box marginY={1}>
            <WordEntry state={entry} focused width={width} doneHint="Enter goes on." />
          </Box>
          <Text color={theme.muted} wrap="truncate-end">
            Tab completes · Space takes a word · Backspace goes back
          </Text>
          <KeyHints commands={['confirm', 'back']} />
        </Box>
      );
    case 'details':
      return <RecoverDetails state={state} data={shell.data} width={width} />;
    case 'deriving':
      return (
        <Deriving
          found={state.found}
          total={settings?.accounts ?? 0}
          width={width}
          height={height - DERIVING_CHROME_ROWS}
        />
      );
    case 'review':
    case 'saving':
      return (
        <Review
          found={state.found}
          list={state.list}
          name={settings?.name ?? ''}
          networkName={settings?.network.name ?? ''}
          problem={state.problem}
          saving={state.step === 'saving'}
          width={width}
        />
      );
  }
}
