import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { KeyHints } from '../../ui/components/key-hints.js';
import { TextField } from '../../ui/components/text-field.js';
import { useTextField } from '../../ui/components/use-text-field.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import * as actions from '../../vault/actions.js';
import type { Account } from '../../vault/model.js';
import { AccountGone, lookUpAccount } from './account-gone.js';
import { useVaultChange } from './use-vault-change.js';
import { Prose } from '../../ui/components/prose.js';

export function AccountRename({ account }: { account: string }) {
  const { data } = useShell();
  const found = useMemo(() => lookUpAccount(data, account), [data, account]);
  return found ? <Rename account={found} /> : <AccountGone />;
}

function Rename({ account }: { account: Account }) {
  const shell = useShell();
  const change = useVaultChange();
  const field = useTextField({
    initial: account.name,
    isActive: true,
    onCancel: () => shell.navigate({ type: 'back' }),
    onSubmit: (name) =>
      change(
        'Renaming…',
        (session) => actions.renameAccount(session, account.publicKey, name),
        () => `Renamed account "${account.name}" to "${name.trim()}".`,
        () => shell.navigate({ type: 'back' }),
      ),
  });
  return (
    <Box flexDirection="column" gap={1}>
      <Text bold wrap="truncate-end">{`Rename account "${account.name}"`}</Text>
      <TextField label="New name:" value={field.value} focused />
      <Prose color={theme.muted}>The name is only a label: the address and the key stay the same.</Prose>
      <KeyHints commands={['confirm', 'back']} />
    </Box>
  );
}
