import { capitalise } from '../../ui/sentence.js';
import type { Key } from 'ink';
import { useState } from 'react';
import { describeError } from '../../errors.js';
import { useTextField } from '../../ui/components/use-text-field.js';
import { useShell } from '../shell-context.js';
import { checkNewIdentityName } from '../../vault/identities.js';
import type { VaultData } from '../../vault/model.js';

export interface IdentityNameOptions {
  isActive: boolean;
  /** Enter on a name the vault accepts, trimmed. */
  onSubmit: (name: string) => void;
  onCancel: () => void;
  onOtherKey?: (input: string, key: Key) => void;
}

/** The name of a new identity, checked against the vault as it is typed. */
export function useIdentityName({ isActive, onSubmit, onCancel, onOtherKey }: IdentityNameOptions) {
  const { data } = useShell();
  // An empty field is not an error until Enter is pressed on it.
  const [tried, setTried] = useState(false);
  const field = useTextField({
    isActive,
    onCancel,
    onOtherKey,
    onSubmit: (value) => {
      const clean = cleanName(data, value);
      if (clean === undefined) setTried(true);
      else onSubmit(clean);
    },
  });
  const problem = field.value || tried ? nameProblem(data, field.value) : undefined;
  return { value: field.value, problem };
}

function cleanName(data: VaultData, name: string): string | undefined {
  try {
    return checkNewIdentityName(data, name);
  } catch {
    return undefined;
  }
}

export function nameProblem(data: VaultData, name: string): string | undefined {
  try {
    checkNewIdentityName(data, name);
    return undefined;
  } catch (error) {
    return capitalise(describeError(error).message);
  }
}

/** Domain messages are lower-case clauses; on a screen they stand alone. */
