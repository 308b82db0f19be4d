import { Box, Text } from 'ink';
import { KeyHints } from '../../ui/components/key-hints.js';
import { Spinner } from '../../ui/components/spinner.js';
import { FIELD_MOVES } from '../../ui/keymap.js';
import { theme } from '../../ui/theme.js';
import { FormField } from '../../ui/components/form-field.js';
import { PASSWORD_FIELDS, passwordVerdicts, type PasswordField } from './password-form-state.js';
import { usePasswordChange } from './use-password-change.js';
import { Prose } from '../../ui/components/prose.js';

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
  const { form, working, problem, width } = usePasswordChange();
  const { values, focus } = form;
  const verdicts = passwordVerdicts(values);
  return (
    <Box flexDirection="column" width={width}>
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
      {problem ? <Prose color={theme.error}>{problem}</Prose> : null}
      {working ? (
        // Two scrypt runs and two durable writes: seconds, shown where the user looks; not abandoned halfway.
        <Spinner label="Checking the current password, re-encrypting the vault…" />
      ) : (
        <>
          <KeyHints commands={[...FIELD_MOVES, ['submit', 'changes it']]} />
          <KeyHints commands={[['confirm', 'on the last one changes it'], 'back']} />
        </>
      )}
    </Box>
  );
}
