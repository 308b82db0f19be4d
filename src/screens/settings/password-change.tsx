import { Box, Text } from 'ink';
import { useRef, useState } from 'react';
import { WrongPasswordError } from '../../errors.js';
import { VaultSession } from '../../vault/store.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { FIELD_MOVES } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { FormField } from '../../ui/components/form-field.js';
import { useForm } from '../../ui/components/use-form.js';
import {
  PASSWORD_FIELDS,
  passwordVerdicts,
  submitProblem,
  type PasswordField,
  type PasswordValues,
} from './password-form-state.js';

const LABELS: Record<PasswordField, string> = {
  current: 'Current password:',
  next: 'New password:',
  repeat: 'Repeat the new one:',
};

/**
 * Re-encrypts the vault under a new password, once the current one has opened the file
 * afresh: an unlocked screen left unattended must not be enough to change it.
 */
export function PasswordChange() {
  const shell = useShell();
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string>();
  const started = useRef(false);

  const submit = async (values: PasswordValues) => {
    // A second Enter typed before the next frame must not start a second change.
    if (started.current) return;
    const refused = submitProblem(values);
    if (refused) {
      setProblem(refused.text);
      return form.dispatch({ type: 'focus', field: refused.field });
    }
    const current = new Uint8Array(Buffer.from(values.current, 'utf8'));
    const next = new Uint8Array(Buffer.from(values.next, 'utf8'));
    form.dispatch({ type: 'clear' });
    started.current = true;
    setProblem(undefined);
    setWorking(true);
    let wrong = false;
    try {
      const changed = await shell.run(
        'Checking the current password, then re-encrypting the vault (scrypt)…',
        async (session) => {
          const check = await VaultSession.unlock(session.path, current).catch((error: unknown) => {
            wrong = error instanceof WrongPasswordError;
            throw error;
          });
          check.close();
          await session.changePassword(next);
          return true;
        },
        () => 'Vault password changed',
      );
      if (changed) return shell.navigate({ type: 'back' });
      setProblem(wrong ? 'Wrong current password: nothing was changed.' : 'Nothing was changed.');
      started.current = false;
      setWorking(false);
    } finally {
      current.fill(0);
      next.fill(0);
    }
  };
  const form = useForm({
    fields: PASSWORD_FIELDS,
    isActive: !working,
    onSubmit: (values) => void submit(values),
    onCancel: () => shell.navigate({ type: 'back' }),
  });

  const { values, focus } = form.state;
  const verdicts = passwordVerdicts(values);
  return (
    <Box flexDirection="column" width={shell.width}>
      <Text bold>Change the vault password</Text>
      <Text color={theme.muted}>
        The vault is re-encrypted under the new one; its backups keep their own passwords.
      </Text>
      <Text> </Text>
      {PASSWORD_FIELDS.map((field) => (
        <FormField
          key={field}
          label={LABELS[field].padEnd(20)}
          value={values[field]}
          mask
          focused={!working && focus === field}
        >
          {(verdicts[field] ?? []).map((verdict) => (
            <Text key={verdict.text} color={theme[verdict.tone]}>
              {verdict.text}
            </Text>
          ))}
        </FormField>
      ))}
      <Text> </Text>
      {problem ? <Text color={theme.error}>{problem}</Text> : null}
      <KeyHints commands={[...FIELD_MOVES, ['submit', 'changes it']]} />
      <KeyHints commands={[['confirm', 'on the last one changes it'], 'back']} />
    </Box>
  );
}
