import { Box, Text } from 'ink';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { KeyHints } from '../../ui/components/key-hints.js';
import { formIntentOf } from '../../ui/components/form-intent.js';
import { COMMANDS, FIELD_MOVES, isInterrupt, type Command } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import { accountAddress } from '../../vault/accounts.js';
import * as actions from '../../vault/actions.js';
import { DeriveFields } from './derive-fields.js';
import { Labelled } from './labelled.js';
import { previewKey, useDerivePreview, type Preview } from './use-derive-preview.js';
import {
  LAST_FIELD,
  checkDeriveForm,
  deriveFormReducer,
  initialDeriveForm,
  type DeriveForm,
} from './derive-form-state.js';
import { useVaultChange } from './use-vault-change.js';
import { Prose } from '../../ui/components/prose.js';

const CHOICES: readonly Command[] = ['previousChoice', 'nextChoice'];

/** Derives a new account from a mnemonic identity, showing its address before it is saved. */
export function AccountDerive({ identity }: { identity?: string }) {
  const { data } = useShell();
  const identities = useMemo(() => data.identities.filter((i) => i.kind === 'mnemonic').map((i) => i.name), [data]);
  return identities.length > 0 ? <DeriveForm identities={identities} identity={identity} /> : <NoIdentity />;
}

function DeriveForm({ identities, identity }: { identities: readonly string[]; identity?: string }) {
  const shell = useShell();
  const [form, dispatch, latest] = useSynchronousReducer(deriveFormReducer, () =>
    initialDeriveForm(identities, shell.data.settings.defaultNetwork, identity),
  );
  const check = checkDeriveForm(form);
  const preview = useDerivePreview(shell.data, check.request);
  // The key handler reads the preview shown now, kept at each commit, before the next key is read.
  const shownPreview = useRef(preview);
  useLayoutEffect(() => {
    shownPreview.current = preview;
  });
  const change = useVaultChange();

  const save = () => {
    const { request } = checkDeriveForm(latest());
    if (!request) return;
    const verdict = shownPreview.current;
    // The preview already said why these inputs cannot be saved.
    if (verdict.state === 'failed' && verdict.key === previewKey(request)) return;
    change(
      'Deriving…',
      (session) => actions.deriveAccount(session, request),
      (account) => `Derived account "${account.name}": ${accountAddress(account)}`,
      () => shell.navigate({ type: 'back' }),
    );
  };

  // One handler for the whole form, with the form keys of every form. Tab, which elsewhere
  // changes section, moves between the fields here: the user is typing.
  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    const now = latest();
    const onChoice = now.focus === 'type' || (now.focus === 'identity' && now.identities.length > 0);
    const intent = formIntentOf(input, key, { onLastField: now.focus === LAST_FIELD, onChoice });
    if (intent?.type === 'field') dispatch(intent.action);
    else if (intent?.type === 'choose') dispatch({ type: 'cycle', step: intent.step });
    else if (intent?.type === 'send') save();
    else if (intent?.type === 'leave') shell.navigate({ type: 'back' });
  }, true);

  return (
    <Box flexDirection="column" gap={1}>
      <Text bold>Derive an account</Text>
      <DeriveFields form={form} check={check} />
      <PreviewLines preview={preview} form={form} />
      <Box flexDirection="column">
        <KeyHints commands={[...FIELD_MOVES, [CHOICES, 'change a choice']]} />
        <KeyHints commands={[['submit', 'saves from any field'], 'back']} />
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
        return <Text color={theme.error}>{`✗ ${preview.message}`}</Text>;
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
