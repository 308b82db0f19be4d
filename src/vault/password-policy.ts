import { UserError } from '../errors.js';

export const MIN_PASSWORD_LENGTH = 6;

/**
 * Refuses passwords shorter than 6 characters; returns a plain warning for weak ones
 * (short, or one kind of character), which the caller shows and lets the user overrule.
 */
export function checkNewPassword(password: Uint8Array, what = 'password'): string | undefined {
  const text = Buffer.from(password).toString('utf8');
  const length = [...text].length;
  if (length < MIN_PASSWORD_LENGTH) {
    throw new UserError(`the ${what} must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  }
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((c) => c.test(text)).length;
  if (length < 12 || classes < 2 || new Set(text).size < 5) {
    return `this ${what} is weak: anyone who copies the file can try guesses offline. A long passphrase of several unrelated words is much stronger.`;
  }
  return undefined;
}
