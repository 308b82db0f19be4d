import { repeatVerdict, strengthVerdict, type Verdict } from '../password-verdicts.js';
import type { ExportField, ExportValues } from './backup-export-state.js';

/** What the export form says about its text fields as the user types, and the file its destination names. Pure. */

/** The form's values, of which these text fields are checked as the user types. */
type PasswordValues = Partial<ExportValues> & Pick<ExportValues, 'destination' | 'password' | 'repeat'>;

export type { Tone, Verdict } from '../password-verdicts.js';

/** What to say under the password fields as the user types. */
export function exportVerdicts(values: PasswordValues): Partial<Record<ExportField, Verdict>> {
  const verdicts: Partial<Record<ExportField, Verdict>> = {};
  if (values.password) verdicts.password = strengthOf(values.password);
  if (values.repeat)
    verdicts.repeat = repeatVerdict(values.repeat, values.password, 'Not the same as the password above (yet).');
  return verdicts;
}

/** Why the form cannot be sent yet, and which field to go back to; undefined when it can. */
export function exportProblem(values: PasswordValues): { field: ExportField; text: string } | undefined {
  if (!values.destination.trim()) return { field: 'destination', text: 'Type where the backup should go.' };
  const strength = strengthOf(values.password);
  if (strength.tone === 'error') return { field: 'password', text: strength.text };
  if (values.repeat !== values.password) return { field: 'repeat', text: 'The two passwords differ: type it again.' };
  return undefined;
}

const strengthOf = (password: string) => strengthVerdict(password, 'backup password');

/** The typed destination as a file: a trailing `/` means "a new file in this directory". */
export function targetOf(typed: string, fileName: string): string {
  const path = typed.trim();
  return path.endsWith('/') ? `${path}${fileName}` : path;
}
