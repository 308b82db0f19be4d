import { useRef, useState } from 'react';
import { WrongPasswordError } from '../../errors.js';
import { VaultSession } from '../../vault/store.js';
import { useShell, type Shell } from '../shell-context.js';
import { useForm } from '../../ui/components/use-form.js';
import { PASSWORD_FIELDS, submitProblem, type PasswordValues } from './password-form-state.js';

/**
 * The password form's keys and its one piece of work: re-encrypting the vault through the shell,
 * after the current password has opened the file afresh. Back to the previous screen once done.
 */
export function usePasswordChange() {
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
    try {
      const outcome = await changePassword(shell, current, next);
      if (outcome === 'changed') return shell.navigate({ type: 'back' });
      setProblem(outcome === 'wrong' ? 'Wrong current password: nothing was changed.' : 'Nothing was changed.');
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

  return { form: form.state, working, problem, width: shell.width };
}

/** Checks `current` by opening the vault file again, then re-encrypts the open session under `next`. */
async function changePassword(
  shell: Shell,
  current: Uint8Array,
  next: Uint8Array,
): Promise<'changed' | 'wrong' | 'failed'> {
  let wrong = false;
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
  if (changed) return 'changed';
  return wrong ? 'wrong' : 'failed';
}
