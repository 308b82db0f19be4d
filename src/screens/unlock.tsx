import { Text, useApp } from 'ink';
import { useRef, useState } from 'react';
import { describeError, WrongPasswordError } from '../errors.js';
import type { VaultSession } from '../vault/store.js';
import { Spinner } from '../ui/components/spinner.js';
import { TextField } from '../ui/components/text-field.js';
import { useTextField } from '../ui/components/use-text-field.js';
import { LockFrame } from '../ui/components/lock-frame.js';
import { hints } from '../ui/keymap.js';
import { theme } from '../ui/theme.js';
import { useEscape } from '../ui/use-escape.js';
import { Prose } from '../ui/components/prose.js';

export interface UnlockProps {
  path: string;
  onUnlocked: (session: VaultSession) => void;
  /** Why the vault is locked again, when it was open: said until the next attempt. */
  notice?: string;
}

/** Asks for the vault password; a wrong one says so and asks again. */
export function Unlock({ path, onUnlocked, notice }: UnlockProps) {
  const { exit } = useApp();
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string>();
  // Each attempt gets a number; Esc abandons the attempt under way by moving it on.
  const attempt = useRef(0);

  const unlock = async (value: string) => {
    if (!value) return;
    const password = new Uint8Array(Buffer.from(value, 'utf8'));
    field.clear();
    const mine = ++attempt.current;
    setWorking(true);
    setProblem(undefined);
    try {
      const { VaultSession } = await import('../vault/store.js');
      const session = await VaultSession.unlock(path, password);
      if (mine === attempt.current) onUnlocked(session);
      else session.close();
    } catch (error) {
      if (mine !== attempt.current) return;
      setProblem(error instanceof WrongPasswordError ? 'Wrong password. Try again.' : describeError(error).message);
      setWorking(false);
    } finally {
      password.fill(0);
    }
  };
  const field = useTextField({ isActive: !working, onCancel: exit, onSubmit: (value) => void unlock(value) });
  useEscape(working, () => {
    attempt.current++;
    setWorking(false);
  });

  return (
    <LockFrame path={path} title="Unlock the vault">
      {notice ? <Prose color={theme.warning}>{notice}</Prose> : null}
      <TextField label="Password:" value={field.value} mask focused={!working} />
      {working ? <Spinner label={`Deriving the vault key (scrypt)… ${hints([['back', 'cancels']])}`} /> : null}
      {problem ? <Prose color={theme.error}>{problem}</Prose> : null}
      <Text color={theme.muted}>
        {working
          ? ''
          : hints([
              ['confirm', 'unlock'],
              ['back', 'quit'],
            ])}
      </Text>
    </LockFrame>
  );
}
