import { Box, Text } from 'ink';
import { useRef } from 'react';
import { ConfirmByTyping } from '../../ui/components/confirm-by-typing.js';
import { useShell } from '../shell-context.js';
import * as actions from '../../vault/actions.js';
import { accountsOfIdentity } from '../../vault/identities.js';
import { useKeys } from '../../ui/use-keys.js';
import { RemovedMeanwhile } from '../remove-question.js';
import { countOf } from '../../count.js';

/** Removes an identity and its accounts once its name is typed; Esc cancels. */
export function IdentityRemove({ identity }: { identity: string }) {
  const shell = useShell();
  const removing = useRef(false);
  const back = () => shell.navigate({ type: 'back' });
  const found = shell.data.identities.find((i) => i.name === identity);
  if (!found) return <Gone identity={identity} />;

  const accounts = accountsOfIdentity(shell.data, found).length;
  const what = accounts ? ` and, with it, its ${countOf(accounts, 'account')}` : ' (it has no accounts)';
  const warning =
    `This removes identity "${identity}"${what} from the vault. ` +
    'Without a backup or its written recovery words, those keys are gone for good.';

  const remove = async () => {
    if (removing.current) return;
    removing.current = true;
    const removed = await shell.run(
      'Removing…',
      (session) => actions.removeIdentity(session, identity, true),
      (n) => `Removed identity "${identity}"${n ? ` and its ${countOf(n, 'account')}` : ''}.`,
    );
    removing.current = false;
    if (removed !== undefined) back();
  };

  return (
    <Box flexDirection="column" gap={1} width={shell.width}>
      <Text bold wrap="truncate-end">{`Remove identity "${identity}"`}</Text>
      <ConfirmByTyping
        warning={warning}
        expected={identity}
        onConfirm={() => void remove()}
        onCancel={back}
        isActive={!shell.busy}
      />
    </Box>
  );
}

/** Removed meanwhile (or never there): nothing to confirm. */
function Gone({ identity }: { identity: string }) {
  const shell = useShell();
  useKeys((input, key) => void shell.globalKey(input, key), !shell.busy);
  return <RemovedMeanwhile message={`There is no identity named "${identity}" any more.`} tone="muted" />;
}
