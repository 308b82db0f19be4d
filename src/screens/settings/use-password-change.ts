import { useRef, useState } from 'react';
import { WrongPasswordError } from '../../errors.js';
import { runReporting } from '../run-reporting.js';
import { useShell } from '../shell-context.js';
import { useForm } from '../../ui/components/use-form.js';
import { PASSWORD_FIELDS, submitProblem, type PasswordValues } from './password-form-state.js';

/**
 * The password form's keys and its one piece of work: re-encrypting the vault, once the current
 * password has opened the file afresh (`changePasswordFrom`). Back to the previous screen once done.
 */
export function usePasswordChange() {
  const shell = useShell();
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [refused, setRefused] = useState(false);
  const started = useRef(false);

  const submit = async (values: PasswordValues) => {
    // A second Enter typed before the next frame must not start a second change.
    if (started.current) return;
    const refusal = submitProblem(values);
    setRefused(refusal !== undefined);
    if (refusal) return form.dispatch({ type: 'focus', field: refusal.field });
    const current = new Uint8Array(Buffer.from(values.current, 'utf8'));
    const next = new Uint8Array(Buffer.from(values.next, 'utf8'));
    form.dispatch({ type: 'clear' });
    started.current = true;
    setProblem(undefined);
    setWorking(true);
    try {
      const outcome = await runReporting(
        shell,
        'Checking the current password, then re-encrypting the vault (scrypt)…',
        (session) => session.changePasswordFrom(current, next),
        () => 'Vault password changed',
      );
      if (outcome.ok) return shell.navigate({ type: 'back' });
      const wrong = outcome.error instanceof WrongPasswordError;
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

  // A refusal is said as the fields are now, not as they were at the Enter: fixed, it goes.
  const refusal = refused ? submitProblem(form.state.values)?.text : undefined;
  return { form: form.state, working, problem: refusal ?? problem, width: shell.width };
}
