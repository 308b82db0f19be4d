import { describeError } from '../errors.js';

/** A message from below (`no vault at …`) made into the start of a sentence shown on a screen. */
export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A failure as the one sentence a person acts on: `No vault at …; create one with …`. */
export function errorSentence(error: unknown): string {
  const { message, hint } = describeError(error);
  return hint ? `${capitalise(message)}; ${hint}.` : `${capitalise(message)}.`;
}
