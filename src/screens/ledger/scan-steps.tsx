import { Box, Text } from 'ink';
import type { LedgerAddress } from '../../ledger/polkadot-app.js';
import { describeTransport, type TransportSpec } from '../../ledger/transport.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { Prose } from '../../ui/components/prose.js';
import { Spinner } from '../../ui/components/spinner.js';
import { TextField } from '../../ui/components/text-field.js';
import { theme } from '../../ui/theme.js';
import { FoundList, FoundProgress } from './found-rows.js';
import { progressText } from './ledger-text.js';
import type { Scan, StepMessage } from './ledger-scan-state.js';

const where = (transport: TransportSpec) =>
  transport.kind === 'hid'
    ? 'the Ledger on USB'
    : `the emulator at ${describeTransport(transport).slice('speculos://'.length)}`;

const MARKS: Record<StepMessage['tone'], string> = { success: '✓ ', error: '✗ ', muted: '' };

/** What the last step said; marked, so it reads without colour too. */
export function StepMessageLine({ message }: { message?: StepMessage | undefined }) {
  return message ? <Prose color={theme[message.tone]}>{`${MARKS[message.tone]}${message.text}`}</Prose> : null;
}

export function Scanning({
  found,
  total,
  transport,
  width,
  height,
}: {
  found: readonly LedgerAddress[];
  total: number;
  transport: TransportSpec;
  width: number;
  height: number;
}) {
  return (
    <Box flexDirection="column" width={width} gap={1}>
      <Text bold>Scan a Ledger</Text>
      <Spinner label={`Reading from ${where(transport)}… ${progressText(found.length, total)}`} />
      <FoundProgress found={found} width={width} height={height} />
      <KeyHints commands={['back']} />
    </Box>
  );
}

export function ScanFailed({
  message,
  transport,
  width,
}: {
  message: StepMessage;
  transport: TransportSpec;
  width: number;
}) {
  return (
    <Box flexDirection="column" width={width} gap={1}>
      <Text bold>Scan a Ledger</Text>
      <Text>{`The scan of ${where(transport)} stopped.`}</Text>
      <StepMessageLine message={message} />
      <KeyHints
        commands={[
          ['confirm', 'tries again'],
          ['back', 'goes back to the form'],
        ]}
      />
    </Box>
  );
}

export interface FoundProps {
  scan: Scan;
  message?: StepMessage | undefined;
  width: number;
}

export function Found({ scan, message, width }: FoundProps) {
  const { found, list, request } = scan;
  return (
    <Box flexDirection="column" width={width}>
      <Text
        bold
        wrap="truncate-end"
      >{`${found.length} account${found.length === 1 ? '' : 's'} on the Ledger (${request.network.name})`}</Text>
      <Text color={theme.muted} wrap="truncate-end">
        Public keys only: the keys stay on the device.
      </Text>
      <Box marginY={1}>
        <FoundList found={found} list={list} width={width} />
      </Box>
      <StepMessageLine message={message} />
      <KeyHints commands={['showOnDevice', 'save', 'back']} />
    </Box>
  );
}

export function Showing({
  account,
  address,
  width,
}: {
  account: number;
  address?: LedgerAddress | undefined;
  width: number;
}) {
  return (
    <Box flexDirection="column" width={width} gap={1}>
      <Text bold>{`Show account ${account} on the Ledger`}</Text>
      <Prose>Compare the address on the Ledger with the one here, then approve or reject on the device.</Prose>
      {address ? (
        <Box flexDirection="column">
          <Text color={theme.muted}>{address.path}</Text>
          <Prose bold>{address.address}</Prose>
        </Box>
      ) : (
        <Text color={theme.muted}>Reading the address…</Text>
      )}
      <Spinner label="Waiting for the Ledger…" />
      <KeyHints commands={['back']} />
    </Box>
  );
}

export interface NamingProps {
  count: number;
  name: string;
  problem?: string | undefined;
  message?: StepMessage | undefined;
  saving: boolean;
  width: number;
}

export function Naming({ count, name, problem, message, saving, width }: NamingProps) {
  return (
    <Box flexDirection="column" width={width} gap={1}>
      <Text bold>{`Save ${count} account${count === 1 ? '' : 's'} as a Ledger identity`}</Text>
      <Prose>
        Only public keys go into the vault: signing needs the device. The accounts are named after the identity: NAME-0,
        NAME-1, …
      </Prose>
      <TextField label="Identity name:" value={name} focused={!saving} problem={problem} />
      <StepMessageLine message={message} />
      {saving ? <Text color={theme.muted}>Saving…</Text> : <KeyHints commands={['confirm', 'back']} />}
    </Box>
  );
}
