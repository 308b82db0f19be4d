import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { KeyHints } from '../../ui/components/key-hints.js';
import { COMMANDS, FIELD_MOVES, type Command } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { useKeys } from '../../ui/use-keys.js';
import { DeriveFields } from './derive-fields.js';
import { Help } from '../help.js';
import { LAST_FIELD, isTextField, type DeriveForm } from './derive-form-state.js';
import { Labelled } from './labelled.js';
import { Prose } from '../../ui/components/prose.js';
import { NetworkPicker } from './network-picker.js';
import { useAccountDerive } from './use-account-derive.js';
import type { Preview } from './use-derive-preview.js';

const CHOICES: readonly Command[] = ['previousChoice', 'nextChoice'];

/**
 * Derives a new account from a mnemonic identity, showing its address before it is saved; on
 * `identity` when given (the one the user came from), else the first.
 */
export function AccountDerive({ identity }: { identity?: string } = {}) {
  const { data } = useShell();
  const identities = useMemo(() => data.identities.filter((i) => i.kind === 'mnemonic').map((i) => i.name), [data]);
  return identities.length > 0 ? <DeriveForm identities={identities} identity={identity} /> : <NoIdentity />;
}

function DeriveForm({ identities, identity }: { identities: readonly string[]; identity?: string }) {
  const { form, check, preview, picker, help } = useAccountDerive(identities, identity);
  if (help.open) return <Help section="accounts" onClose={help.close} />;
  if (picker.open)
    return (
      <NetworkPicker
        state={picker}
        title={`The network of the new account${form.name.trim() ? ` "${form.name.trim()}"` : ''}`}
        picks="takes it"
        marked="chosen"
      />
    );
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold>Derive an account</Text>
      <DeriveFields form={form} check={check} />
      <PreviewLines preview={preview} form={form} />
      <Box flexDirection="column">
        <KeyHints
          commands={
            form.focus === 'network'
              ? [...FIELD_MOVES, ['toggle', 'or letters search']]
              : [...FIELD_MOVES, [CHOICES, 'change a choice']]
          }
        />
        <KeyHints
          commands={[
            ['submit', 'saves from any field'],
            ['clearField', 'clears a field'],
          ]}
        />
        {/* ? is a letter in a text field; elsewhere it shows every key over the form. */}
        <KeyHints
          commands={[['back', 'leaves'], ...(isTextField(form.focus) ? [] : [['help', 'all keys'] as const])]}
        />
      </Box>
    </Box>
  );
}

function PreviewLines({ preview, form }: { preview: Preview; form: DeriveForm }) {
  const verdict = (() => {
    switch (preview.state) {
      case 'none':
        return (
          <Text color={theme.muted}>
            {form.name.trim() ? 'appears when every field is valid' : 'name the account to see its address'}
          </Text>
        );
      case 'working':
        return <Text color={theme.muted}>deriving…</Text>;
      case 'ready':
        return (
          <Text
            color={theme.success}
          >{`✓ ${preview.network}; ${COMMANDS.confirm.keys} ${form.focus === LAST_FIELD ? 'saves it' : 'on Network saves it'}`}</Text>
        );
      case 'failed':
        return <Prose color={theme.error}>{`✗ ${preview.message}`}</Prose>;
    }
  })();
  return (
    <Box flexDirection="column">
      <Labelled label="Address" wrap="wrap">
        {preview.state === 'ready' ? preview.address : '—'}
      </Labelled>
      <Labelled label="" wrap="wrap">
        {verdict}
      </Labelled>
    </Box>
  );
}

function NoIdentity() {
  const shell = useShell();
  useKeys((input, key) => void shell.globalKey(input, key), true);
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold>Derive an account</Text>
      <Prose>
        Accounts are derived from an identity that holds a recovery phrase, and the vault has none. Restore or create
        one in Identities first, then derive accounts from it here.
      </Prose>
      <KeyHints commands={['back', 'previousSection']} />
    </Box>
  );
}
