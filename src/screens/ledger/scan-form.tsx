import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { FormField } from '../../ui/components/form-field.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { Prose } from '../../ui/components/prose.js';
import { theme } from '../../ui/theme.js';
import { StepMessageLine } from './scan-steps.js';
import type { StepMessage } from './ledger-scan-state.js';
import { checkScanForm, type ScanField, type ScanForm as Form, type TransportChoice } from './scan-form-state.js';

const LABELS: Record<ScanField, string> = {
  transport: 'Device:',
  address: 'Emulator at:',
  accounts: 'Accounts:',
  network: 'Network:',
};
const LABEL_WIDTH = 13;
const TRANSPORTS: Record<TransportChoice, { name: string; about: string }> = {
  usb: { name: 'Ledger on USB', about: 'Unlocked, with the Polkadot app open. ←/→ or Space: the Speculos emulator.' },
  speculos: { name: 'Speculos emulator', about: 'Its APDU port (speculos --apdu-port PORT), typed below. ←/→: USB.' },
};

export interface ScanFormProps {
  setup: Form;
  message?: StepMessage | undefined;
  width: number;
}

/** Where the device is, how many accounts to read and for which network; problems said under each field. */
export function ScanForm({ setup, message, width }: ScanFormProps) {
  const { values, focus } = setup.form;
  const check = checkScanForm(setup);
  const problem = (field: ScanField) =>
    check.problems[field] ? <Prose color={theme.error}>{`✗ ${check.problems[field]}`}</Prose> : null;
  const typed = (field: ScanField, placeholder: string, about?: ReactNode) => (
    <FormField
      label={LABELS[field].padEnd(LABEL_WIDTH)}
      value={values[field]}
      focused={focus === field}
      placeholder={placeholder}
    >
      {about}
      {problem(field)}
    </FormField>
  );
  const transport = TRANSPORTS[setup.transport];
  const network = check.network;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold>Scan a Ledger</Text>
      <Prose>Reads the addresses of accounts 0, 1, 2… from the device. Nothing is saved until you say so.</Prose>
      <Text> </Text>
      <Box flexDirection="column">
        <Box>
          <Text color={theme.accent}>{focus === 'transport' ? '› ' : '  '}</Text>
          <Text bold={focus === 'transport'}>{`${LABELS.transport.padEnd(LABEL_WIDTH)} `}</Text>
          <Text wrap="truncate-end">{focus === 'transport' ? `‹ ${transport.name} ›` : transport.name}</Text>
        </Box>
        {focus === 'transport' ? (
          <Box paddingLeft={4}>
            <Prose color={theme.muted}>{transport.about}</Prose>
          </Box>
        ) : null}
      </Box>
      {setup.transport === 'speculos' ? typed('address', 'HOST:PORT, e.g. 127.0.0.1:9999') : null}
      {typed('accounts', 'how many, from account 0')}
      {typed(
        'network',
        'a name or SS58 prefix',
        network ? <Text color={theme.muted}>{`${network.displayName}, SS58 prefix ${network.prefix}`}</Text> : null,
      )}
      <Text> </Text>
      <StepMessageLine message={message} />
      <KeyHints
        commands={[
          ['nextField', 'next field'],
          ['previousField', 'previous'],
          ['submit', 'scans'],
        ]}
      />
      <KeyHints commands={[['confirm', 'on the last field scans'], 'back']} />
    </Box>
  );
}
