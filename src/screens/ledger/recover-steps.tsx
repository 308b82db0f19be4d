import { Box, Text } from 'ink';
import type { LedgerAddress } from '../../ledger/polkadot-app.js';
import { SOFTWARE_WALLET_WARNING } from '../../vault/save-ledger.js';
import { FormField } from '../../ui/components/form-field.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { Prose } from '../../ui/components/prose.js';
import { Spinner } from '../../ui/components/spinner.js';
import type { VaultData } from '../../vault/model.js';
import { hints } from '../../ui/keymap.js';
import { theme } from '../../ui/theme.js';
import { capitalise } from '../../ui/sentence.js';
import { WordEntry } from '../identities/word-entry.js';
import type { WordEntryState } from '../identities/word-entry-state.js';
import { FoundList, FoundProgress } from './found-rows.js';
import { progressText } from './ledger-text.js';
import type { Recovered } from './ledger-recover-state.js';
import { checkRecoverForm, type RecoverField, type RecoverForm } from './recover-form-state.js';

export const RECOVER_TITLE = 'Recover a Ledger offline';

export function RecoverWarning({ width }: { width: number }) {
  return (
    <Box flexDirection="column" width={width} gap={1}>
      <Text bold>{RECOVER_TITLE}</Text>
      <Prose color={theme.warning}>{`⚠ ${capitalise(SOFTWARE_WALLET_WARNING)}.`}</Prose>
      <Prose>
        The words (and passphrase, if the device has one) are kept in the vault so the accounts sign without the device.
        Do this only when the device is lost or broken, on a machine that never goes online.
      </Prose>
      <Prose color={theme.muted}>
        To read the addresses of a Ledger you still have, scan it instead: its keys stay on the device.
      </Prose>
      <Text>Go on and type the words?</Text>
      <KeyHints commands={['yes', 'no']} />
    </Box>
  );
}

export function RecoverWords({ entry, width }: { entry: WordEntryState; width: number }) {
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
}

const LABELS: Record<RecoverField, string> = {
  passphrase: 'Passphrase:',
  accounts: 'Accounts:',
  network: 'Network:',
  name: 'Name:',
};
const LABEL_WIDTH = 12;
const PLACEHOLDERS: Record<RecoverField, string> = {
  passphrase: "empty: none (the device's optional 25th word)",
  accounts: 'how many, from account 0',
  network: 'a name or SS58 prefix',
  name: 'the new identity, e.g. lost-nano',
};

export interface RecoverDetailsProps {
  form: RecoverForm;
  /** Why the last derivation did not finish. */
  problem?: string | undefined;
  data: VaultData;
  width: number;
}

export function RecoverDetails({ form, problem, data, width }: RecoverDetailsProps) {
  const { values, focus } = form;
  const check = checkRecoverForm(form, data);
  const field = (name: RecoverField) => (
    <FormField
      key={name}
      label={LABELS[name].padEnd(LABEL_WIDTH)}
      value={values[name]}
      focused={focus === name}
      mask={name === 'passphrase'}
      placeholder={PLACEHOLDERS[name]}
    >
      {name === 'network' && check.network ? (
        <Text color={theme.muted}>{`${check.network.displayName}, SS58 prefix ${check.network.prefix}`}</Text>
      ) : null}
      {check.problems[name] ? <Prose color={theme.error}>{`✗ ${check.problems[name]}`}</Prose> : null}
    </FormField>
  );
  return (
    <Box flexDirection="column" width={width}>
      <Text bold>{RECOVER_TITLE}</Text>
      <Prose color={theme.success}>✓ The words are in and their checksum holds.</Prose>
      <Text> </Text>
      {field('passphrase')}
      {field('accounts')}
      {field('network')}
      {field('name')}
      <Text> </Text>
      {problem ? <Prose color={theme.error}>{problem}</Prose> : null}
      <KeyHints
        commands={[
          ['nextField', 'next field'],
          ['confirm', 'on Name derives'],
          ['back', 'the words'],
        ]}
      />
    </Box>
  );
}

export function Deriving({
  found,
  total,
  width,
  height,
}: {
  found: readonly LedgerAddress[];
  total: number;
  width: number;
  height: number;
}) {
  return (
    <Box flexDirection="column" width={width} gap={1}>
      <Text bold>{RECOVER_TITLE}</Text>
      <Spinner label={`Deriving the accounts… ${progressText(found.length, total)}`} />
      <FoundProgress found={found} width={width} height={height} />
      <KeyHints commands={['back']} />
    </Box>
  );
}

export interface ReviewProps {
  recovered: Recovered;
  /** Why the last save failed. */
  problem?: string | undefined;
  saving: boolean;
  width: number;
}

export function Review({ recovered, problem, saving, width }: ReviewProps) {
  const { found, list, settings } = recovered;
  const saves = `saves them as identity "${settings.name}", with the words.`;
  return (
    <Box flexDirection="column" width={width}>
      <Text
        bold
        wrap="truncate-end"
      >{`${RECOVER_TITLE}: ${found.length} account${found.length === 1 ? '' : 's'} (${settings.network.name})`}</Text>
      <Prose>The addresses a Ledger with these words gives. Compare them with ones you know.</Prose>
      <Box marginY={1}>
        <FoundList found={found} list={list} width={width} />
      </Box>
      {problem ? <Prose color={theme.error}>{problem}</Prose> : null}
      <Prose>{saving ? 'Saving…' : hints([['confirm', saves]])}</Prose>
      {saving ? null : <KeyHints commands={['confirm', 'back']} />}
    </Box>
  );
}
