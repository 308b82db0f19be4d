import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { KeyHints } from '../../ui/components/key-hints.js';
import { commandFor, hints, isInterrupt } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { useKeys } from '../../ui/use-keys.js';
import { viewAccount } from '../../vault/accounts.js';
import * as actions from '../../vault/actions.js';
import type { Account } from '../../vault/model.js';
import { AccountGone, lookUpAccount } from './account-gone.js';
import { Labelled } from './labelled.js';
import { useVaultChange } from './use-vault-change.js';
import { Prose } from '../../ui/components/prose.js';

export function AccountRemove({ account }: { account: string }) {
  const { data } = useShell();
  const found = useMemo(() => lookUpAccount(data, account), [data, account]);
  return found ? <Remove account={found} /> : <AccountGone />;
}

// A plain yes/no: an account holds no secret of its own and comes back by deriving it again,
// unlike an identity, whose removal is confirmed by typing its name.

function Remove({ account }: { account: Account }) {
  const shell = useShell();
  const change = useVaultChange();
  const view = viewAccount(shell.data, account);
  const remove = () =>
    change(
      'Removing…',
      (session) => actions.removeAccount(session, account.publicKey),
      (removed) => `Removed account "${removed.name}". It can be derived again from its identity.`,
      // Back to the list: the detail this may have come from shows a removed account.
      () => shell.navigate({ type: 'section', section: 'accounts' }),
    );

  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    const command = commandFor(input, key, ['yes', 'no']);
    if (command === 'yes') remove();
    else if (command === 'no') shell.navigate({ type: 'back' });
  }, true);

  return (
    <Box flexDirection="column" gap={1}>
      <Text bold wrap="truncate-end">{`Remove account "${view.name}"?`}</Text>
      <Box flexDirection="column">
        <Labelled label="Address" wrap="wrap">
          {view.address}
        </Labelled>
        <Labelled label="Identity">{view.identity}</Labelled>
        <Labelled label="Type">{view.type}</Labelled>
        <Labelled label="Path">{view.path || '(root: no derivation path)'}</Labelled>
      </Box>
      <Prose color={theme.warning}>
        {view.identity
          ? `The account holds no secret of its own: deriving it again from identity "${view.identity}" with the same type and path brings it back.`
          : 'Its identity is no longer in the vault, so it cannot be derived again here.'}
      </Prose>
      <Text>
        {hints([
          ['yes', 'removes it'],
          ['no', 'keeps it'],
        ])}
      </Text>
      <KeyHints commands={['confirm', 'back']} />
    </Box>
  );
}
