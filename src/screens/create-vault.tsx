import { Text, useApp } from 'ink';
import { useState } from 'react';
import { describeError } from '../errors.js';
import { checkNewPassword } from '../vault/password-policy.js';
import type { VaultSession } from '../vault/store.js';
import { KeyHints } from '../ui/components/key-hints.js';
import { LockFrame } from '../ui/components/lock-frame.js';
import { Prose } from '../ui/components/prose.js';
import { Spinner } from '../ui/components/spinner.js';
import { TextField } from '../ui/components/text-field.js';
import { useTextField } from '../ui/components/use-text-field.js';
import { theme } from '../ui/theme.js';

export interface CreateVaultProps {
  path: string;
  onCreated: (session: VaultSession) => void;
}

type Step = 'password' | 'repeat' | 'creating';
/** What went wrong, and at which step: it is said only there, and only while it still holds. */
type Problem = { step: Step; text: string; refusal?: boolean };

/** First run: the vault password, typed twice, with a plain verdict on its strength. */
export function CreateVault({ path, onCreated }: CreateVaultProps) {
  const { exit } = useApp();
  const [step, setStep] = useState<Step>('password');
  // Esc from the repeat, or a new repeat being typed, takes "differ" away.
  const [problem, setProblem] = useState<Problem>();

  const first = useTextField({
    isActive: step === 'password',
    onCancel: exit,
    onSubmit: (value) => {
      const verdict = strength(value);
      if (verdict.refused) return setProblem({ step: 'password', text: verdict.text, refusal: true });
      setProblem(undefined);
      setStep('repeat');
    },
  });
  const create = async (value: string) => {
    if (value !== first.value) {
      second.clear();
      return setProblem({ step: 'repeat', text: 'The two passwords differ. Type it again.' });
    }
    const password = new Uint8Array(Buffer.from(value, 'utf8'));
    first.clear();
    second.clear();
    setStep('creating');
    try {
      const { VaultSession } = await import('../vault/store.js');
      onCreated(await VaultSession.create(path, password));
    } catch (error) {
      setProblem({ step: 'password', text: describeError(error).message });
      setStep('password');
    } finally {
      password.fill(0);
    }
  };
  const second = useTextField({
    isActive: step === 'repeat',
    onCancel: () => {
      second.clear();
      setStep('password');
    },
    onSubmit: (value) => void create(value),
  });

  const verdict = first.value ? strength(first.value) : undefined;
  // A refusal holds while the password is still refused so; "differ" until a new repeat is typed.
  const stillHolds = ({ step: at, text, refusal }: Problem) =>
    at === step && (step === 'repeat' ? !second.value : !refusal || verdict?.text === text);
  return (
    <LockFrame path={path} title="Create a vault: choose its password">
      <Prose color={theme.muted}>
        It encrypts everything airlock keeps. There is no way to recover it if it is lost.
      </Prose>
      <TextField label="Password:" value={first.value} mask focused={step === 'password'} />
      {verdict && step === 'password' ? (
        <Text color={verdict.refused || verdict.weak ? theme.warning : theme.success}>{verdict.text}</Text>
      ) : null}
      {step !== 'password' ? (
        <TextField label="Repeat it:" value={second.value} mask focused={step === 'repeat'} />
      ) : null}
      {step === 'creating' ? <Spinner label="Creating the vault (scrypt)…" /> : null}
      {problem && stillHolds(problem) ? <Prose color={theme.error}>{problem.text}</Prose> : null}
      <KeyHints
        commands={
          step === 'repeat'
            ? [
                ['confirm', 'create'],
                ['back', 'back'],
              ]
            : [
                ['confirm', 'next'],
                ['back', 'quit'],
              ]
        }
      />
    </LockFrame>
  );
}

function strength(value: string): { text: string; refused?: boolean; weak?: boolean } {
  try {
    const warning = checkNewPassword(new Uint8Array(Buffer.from(value, 'utf8')), 'password');
    return warning ? { text: warning, weak: true } : { text: 'A strong password.' };
  } catch (error) {
    return { text: describeError(error).message, refused: true };
  }
}
