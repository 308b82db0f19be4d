import { Box } from 'ink';
import { useMemo } from 'react';
import { viewAccount } from '../../vault/accounts.js';
import * as actions from '../../vault/actions.js';
import type { Account } from '../../vault/model.js';
import { RemoveQuestion } from '../remove-question.js';
import { useShell } from '../shell-context.js';
import { useRemoval } from '../use-removal.js';
import { AccountGone, lookUpAccount } from './account-gone.js';
import { Labelled } from './labelled.js';

export function AccountRemove({ account }: { account: string }) {
  const { data } = useShell();
  const found = useMemo(() => lookUpAccount(data, account), [data, account]);
  return found ? <Remove account={found} /> : <AccountGone />;
}

// A plain yes/no: an account holds no secret of its own and comes back by deriving it again,
// unlike an identity, whose removal is confirmed by typing its name.

function Remove({ account }: { account: Account }) {
  const shell = useShell();
  const view = viewAccount(shell.data, account);
  useRemoval(
    {
      label: 'Removing…',
      work: (session) => actions.removeAccount(session, account.publicKey),
      done: (removed) => `Removed account "${removed.name}". It can be derived again from its identity.`,
    },
    {
      // Back to the list: the detail this may have come from shows a removed account.
      afterwards: () => shell.navigate({ type: 'section', section: 'accounts' }),
      answerWhileRemoving: true,
      shellKeys: false,
    },
  );

  return (
    <RemoveQuestion
      title={`Remove account "${view.name}"?`}
      note={
        view.identity
          ? `The account holds no secret of its own: deriving it again from identity "${view.identity}" with the same type and path brings it back.`
          : 'Its identity is no longer in the vault, so it cannot be derived again here.'
      }
      warn="note"
    >
      <Box flexDirection="column">
        <Labelled label="Address" wrap="wrap">
          {view.address}
        </Labelled>
        <Labelled label="Identity">{view.identity}</Labelled>
        <Labelled label="Type">{view.type}</Labelled>
        <Labelled label="Path">{view.path || '(root: no derivation path)'}</Labelled>
      </Box>
    </RemoveQuestion>
  );
}
