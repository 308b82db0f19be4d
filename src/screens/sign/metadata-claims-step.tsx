import { Box, Text } from 'ink';
import { FormField } from '../../ui/components/form-field.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { Prose } from '../../ui/components/prose.js';
import { FIELD_MOVES } from '../../ui/keymap.js';
import { theme } from '../../ui/theme.js';
import { elideStart } from '../backups/backup-text.js';
import { useShell } from '../shell-context.js';
import { CLAIM_FIELDS, type ClaimField, type MetadataAddState } from './metadata-add-state.js';

const LABELS: Record<ClaimField, string> = { genesis: 'Genesis:', token: 'Token:', decimals: 'Decimals:' };
const LABEL_WIDTH = 9;
const PLACEHOLDERS: Record<ClaimField, string> = {
  genesis: "0x and 64 hex digits: block 0's hash",
  token: 'its symbol, such as UNIT',
  decimals: 'such as 12',
};

/** The chain of metadata airlock does not know, described: what no metadata says of its chain. */
export function ClaimsStep({ state }: { state: Extract<MetadataAddState, { step: 'claims' }> }) {
  const shell = useShell();
  const { runtime } = state.read;
  const { values, focus } = state.form;
  // A pasted hash is 66 characters: the field keeps to one line whatever is typed.
  const room = shell.width - LABEL_WIDTH - 5;
  return (
    <Box flexDirection="column" width={shell.width}>
      <Text bold>Which chain is this metadata for?</Text>
      <Prose color={theme.muted}>
        {`airlock does not know the chain of runtime "${runtime.specName}" (spec ${runtime.specVersion}, V${runtime.version}, SS58 prefix ${runtime.ss58Prefix}), and metadata does not say its genesis hash, token or decimals: give them as the chain's explorer or polkadot.js apps shows them. It is kept as ${runtime.specName}.`}
      </Prose>
      <Text> </Text>
      {CLAIM_FIELDS.map((field) => (
        <FormField
          key={field}
          label={LABELS[field].padEnd(LABEL_WIDTH)}
          value={elideStart(values[field], room)}
          focused={focus === field && !state.adding}
          placeholder={PLACEHOLDERS[field]}
        />
      ))}
      <Text> </Text>
      {state.problem ? <Prose color={theme.error}>{`✗ ${state.problem}`}</Prose> : null}
      <KeyHints commands={[...FIELD_MOVES, ['submit', 'adds it']]} />
      <KeyHints
        commands={[
          ['confirm', 'on decimals adds it'],
          ['back', 'another file'],
        ]}
      />
    </Box>
  );
}
