import { Box, Text } from 'ink';
import { useRef, useState } from 'react';
import { KeyHints } from '../../ui/components/key-hints.js';
import { TextField } from '../../ui/components/text-field.js';
import { useShell } from '../shell-context.js';
import { useSelectIdentity } from './identities-home.js';
import { theme } from '../../ui/theme.js';
import * as actions from '../../vault/actions.js';
import { phraseInVault } from '../../vault/identities.js';
import { useIdentityName } from './use-identity-name.js';
import { useWordEntry } from './use-word-entry.js';
import { WORD_HINTS, WordEntry } from './word-entry.js';

type Step = { name: 'naming' } | { name: 'words'; identity: string };

/** An identity from recovery words the user already has: its name, then the words one by one (or pasted). */
export function IdentityRestore() {
  const shell = useShell();
  const [step, setStep] = useState<Step>({ name: 'naming' });
  const saving = useRef(false);
  const select = useSelectIdentity();
  const idle = !shell.busy;

  const name = useIdentityName({
    isActive: idle && step.name === 'naming',
    onCancel: () => shell.navigate({ type: 'back' }),
    onSubmit: (identity) => setStep({ name: 'words', identity }),
  });

  const save = async (identity: string, phrase: string) => {
    if (saving.current) return;
    saving.current = true;
    const saved = await shell.run(
      'Restoring the identity…',
      (session) => actions.saveMnemonicIdentity(session, identity, phrase),
      (restored) => `Restored identity "${restored.name}". Derive its accounts under Accounts.`,
    );
    saving.current = false;
    if (!saved) return;
    select(saved.name);
    shell.navigate({ type: 'back' });
  };

  // A phrase already in the vault is said in the form as soon as its checksum holds.
  const refuse = (phrase: string) => phraseInVault(shell.data, phrase);
  const entry = useWordEntry({
    refuse,
    isActive: idle && step.name === 'words',
    onCancel: () => setStep({ name: 'naming' }),
    onDone: (phrase) => {
      if (step.name === 'words') void save(step.identity, phrase);
    },
  });

  if (step.name === 'naming') {
    return (
      <Box flexDirection="column" gap={1} width={shell.width}>
        <Text bold>Restore an identity from its recovery words</Text>
        <TextField label="Name:" value={name.value} focused={idle} placeholder="e.g. savings" problem={name.problem} />
        <Text color={theme.muted}>Next you type the words one by one, or paste them all at once.</Text>
        <KeyHints commands={['confirm', 'back']} />
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={shell.width}>
      <Text bold wrap="truncate-end">{`Restore "${step.identity}": type its recovery words`}</Text>
      <Box marginY={1}>
        <WordEntry state={entry} focused={idle} width={shell.width} refuse={refuse} />
      </Box>
      <KeyHints commands={WORD_HINTS} />
      <KeyHints commands={['confirm', 'back']} />
    </Box>
  );
}
