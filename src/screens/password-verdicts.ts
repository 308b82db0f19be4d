import { checkNewPassword } from '../vault/password-policy.js';
import { capitalise, errorSentence } from '../ui/sentence.js';

export type Tone = 'error' | 'warning' | 'success';

/** What a form says under a password field as the user types. */
export interface Verdict {
  tone: Tone;
  text: string;
}

/** The password policy on `password`, checked on a copy of it as bytes that is wiped at once. */
export function strengthVerdict(password: string, what: 'vault password' | 'backup password'): Verdict {
  const bytes = new TextEncoder().encode(password);
  try {
    const warning = checkNewPassword(bytes, what);
    return warning ? { tone: 'warning', text: capitalise(warning) } : { tone: 'success', text: 'A strong password.' };
  } catch (error) {
    return { tone: 'error', text: errorSentence(error) };
  } finally {
    bytes.fill(0);
  }
}

/** Whether the repeat matches; a repeat still being typed (a start of the password) is only a warning. */
export function repeatVerdict(repeat: string, password: string, differs: string): Verdict {
  if (repeat === password) return { tone: 'success', text: 'The two match.' };
  return { tone: password.startsWith(repeat) ? 'warning' : 'error', text: differs };
}
