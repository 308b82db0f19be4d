import { repeatVerdict, strengthVerdict, type Verdict } from '../password-verdicts.js';

export const PASSWORD_FIELDS = ['current', 'next', 'repeat'] as const;
export type PasswordField = (typeof PASSWORD_FIELDS)[number];
export type PasswordValues = Record<PasswordField, string>;

export type { Tone, Verdict } from '../password-verdicts.js';

/** What to say under each field as the user types; several notes may apply to the new password. */
export function passwordVerdicts(values: PasswordValues): Partial<Record<PasswordField, Verdict[]>> {
  const verdicts: Partial<Record<PasswordField, Verdict[]>> = {};
  if (values.next) {
    const next = [strengthOf(values.next)];
    // Allowed, since the salt changes, but the user probably meant something else.
    if (values.next === values.current)
      next.push({ tone: 'warning', text: 'This is the current password: only the salt would change.' });
    verdicts.next = next;
  }
  if (values.repeat)
    verdicts.repeat = [repeatVerdict(values.repeat, values.next, 'Not the same as the new password (yet).')];
  return verdicts;
}

/** Why the form cannot be sent yet, and which field to go back to; undefined when it can. */
export function submitProblem(values: PasswordValues): { field: PasswordField; text: string } | undefined {
  if (!values.current) return { field: 'current', text: 'Type the current password first.' };
  const strength = strengthOf(values.next);
  if (strength.tone === 'error') return { field: 'next', text: strength.text };
  if (values.repeat !== values.next)
    return { field: 'repeat', text: 'The two new passwords differ: type the new one again.' };
  return undefined;
}

const strengthOf = (password: string) => strengthVerdict(password, 'vault password');
