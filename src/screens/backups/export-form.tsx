import { Box, Text } from 'ink';
import { FormField } from '../../ui/components/form-field.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { useShell } from '../../ui/shell-context.js';
import { theme } from '../../ui/theme.js';
import type { VaultData } from '../../vault/model.js';
import { elideStart } from './backup-text.js';
import { exportVerdicts, type ExportField, type ExportState } from './use-backup-export-state.js';

const LABELS: Record<Exclude<ExportField, 'receipt'>, string> = {
  destination: 'Write to:',
  password: 'Password:',
  repeat: 'Repeat it:',
};
const LABEL_WIDTH = 13;

/** The export form: where, the password twice, and the receipt-file toggle. */
export function ExportForm({ state }: { state: ExportState }) {
  const shell = useShell();
  const { values, focus } = state.form;
  const editing = state.step === 'form';
  const verdicts = exportVerdicts(values);
  // Marker, label, space, the cursor: the rest is for the value, whose end shows when it is longer.
  const room = shell.width - LABEL_WIDTH - 4;
  const field = (name: Exclude<ExportField, 'receipt'>) => (
    <FormField
      key={name}
      label={LABELS[name].padEnd(LABEL_WIDTH)}
      value={elideStart(values[name], room)}
      focused={editing && focus === name}
      mask={name !== 'destination'}
    >
      {verdicts[name] ? <Text color={theme[verdicts[name].tone]}>{verdicts[name].text}</Text> : null}
    </FormField>
  );
  return (
    <Box flexDirection="column" width={shell.width}>
      <Text bold>Export a backup</Text>
      <Text wrap="truncate-end">{`The whole vault: ${contents(shell.data)}.`}</Text>
      <Text> </Text>
      {field('destination')}
      {field('password')}
      {field('repeat')}
      <Box>
        <Text color={theme.accent}>{editing && focus === 'receipt' ? '› ' : '  '}</Text>
        <Text bold={editing && focus === 'receipt'}>{`${'Receipt file:'.padEnd(LABEL_WIDTH)} `}</Text>
        <Text wrap="truncate-end">{`${state.receiptFile ? '[x]' : '[ ]'} also save a .receipt.txt beside it`}</Text>
      </Box>
      <Text> </Text>
      {state.problem ? <Text color={theme.error}>{state.problem}</Text> : null}
      {state.step === 'checking' ? <Text color={theme.muted}>Looking at the destination…</Text> : null}
      <Text color={theme.muted} wrap="truncate-end">
        Pick a password unlike the vault's: one secret, one file.
      </Text>
      <Text color={theme.muted} wrap="truncate-end">
        Tab/↑/↓ fields · Space toggles · Enter on the last writes
      </Text>
      <KeyHints commands={['confirm', 'back']} />
    </Box>
  );
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function contents(data: VaultData): string {
  return [
    count(data.identities.length, 'identity', 'identities'),
    count(data.accounts.length, 'account', 'accounts'),
    count(data.addresses.length, 'address', 'addresses'),
  ].join(', ');
}
