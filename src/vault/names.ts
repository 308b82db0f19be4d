import { UserError } from '../errors.js';
import { withoutUnprintable } from '../printable.js';

/** Names identify identities, accounts and address-book entries on the command line. */
export function checkName(name: string, what: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new UserError(`${what} name is empty`);
  if (trimmed.length > 64) throw new UserError(`${what} name is longer than 64 characters`);
  // Control characters could rewrite the terminal when a list is printed.
  if (/\p{Cc}/u.test(trimmed)) throw new UserError(`${what} name contains control characters`);
  return trimmed;
}

/** Text from a file without what could rewrite the terminal (control characters), reorder it (bidi controls) or hide a difference (invisible format characters). */
export function textFromFile(text: string): string {
  return withoutUnprintable(text).trim();
}

/** A name that came from a file: cleaned, and cut to fit. */
export function nameFromFile(name: string | undefined, fallback: string): string {
  const clean = textFromFile(name ?? '');
  let cut = '';
  for (const char of clean) {
    if (cut.length + char.length > 64) break;
    cut += char;
  }
  return cut.trim() || fallback;
}
