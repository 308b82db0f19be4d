import { Box, Text } from 'ink';
import { useRef } from 'react';
import { describeError } from '../../errors.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { TextField } from '../../ui/components/text-field.js';
import { useTextField } from '../../ui/components/use-text-field.js';
import { useShell } from '../shell-context.js';
import * as actions from '../../vault/actions.js';
import * as identities from '../../vault/identities.js';
import type { VaultData } from '../../vault/model.js';
import { capitalise } from '../../ui/sentence.js';

/** A new name for an identity; its accounts keep pointing at it. */
export function IdentityRename({ identity }: { identity: string }) {
  const shell = useShell();
  const saving = useRef(false);
  const back = () => shell.navigate({ type: 'back' });
  const rename = async (value: string) => {
    if (saving.current || renameProblem(shell.data, identity, value)) return;
    if (value.trim() === identity) return back();
    saving.current = true;
    const done = await shell.run(
      'Renaming…',
      async (session) => {
        await actions.renameIdentity(session, identity, value);
        return true;
      },
      () => `Renamed identity "${identity}" to "${value.trim()}".`,
    );
    saving.current = false;
    if (done) back();
  };
  const field = useTextField({
    initial: identity,
    isActive: !shell.busy,
    onCancel: back,
    onSubmit: (value) => void rename(value),
  });
  return (
    <Box flexDirection="column" gap={1} width={shell.width}>
      <Text bold wrap="truncate-end">{`Rename identity "${identity}"`}</Text>
      <TextField
        label="New name:"
        value={field.value}
        focused={!shell.busy}
        problem={renameProblem(shell.data, identity, field.value)}
      />
      <KeyHints commands={['confirm', 'back']} />
    </Box>
  );
}

/** The vault's own rules, checked as the user types. */
function renameProblem(data: VaultData, identity: string, name: string): string | undefined {
  try {
    identities.renameIdentity(data, identity, name);
    return undefined;
  } catch (error) {
    return capitalise(describeError(error).message);
  }
}
