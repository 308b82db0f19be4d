import { capitalise } from '../../ui/sentence.js';
import { describeError } from '../../errors.js';
import { checkNewPassword } from '../../vault/password-policy.js';

export const PASSWORD_FIELDS = ['current', 'next', 'repeat'] as const;
export type PasswordField = (typeof PASSWORD_FIELDS)[number];
export type PasswordValues = Record<PasswordField, string>;

export type Tone = 'error' | 'warning' | 'success';
export interface Verdict {
  tone: Tone;
  text: string;
}

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
  if (values.repeat) {
    verdicts.repeat = [
      values.repeat === values.next
        ? { tone: 'success', text: 'The two match.' }
        : {
            tone: values.next.startsWith(values.repeat) ? 'warning' : 'error',
            text: 'Not the same as the new password (yet).',
          },
    ];
  }
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

/** The vault's password policy, on a copy of the text as bytes that is wiped at once. */
function strengthOf(password: string): Verdict {
  const bytes = new Uint8Array(Buffer.from(password, 'utf8'));
  try {
    const warning = checkNewPassword(bytes, 'vault password');
    return warning ? { tone: 'warning', text: warning } : { tone: 'success', text: 'A strong password.' };
  } catch (error) {
    return { tone: 'error', text: `${capitalise(describeError(error).message)}.` };
  } finally {
    bytes.fill(0);
  }
}
