import { errorSentence } from '../ui/sentence.js';
import type { Shell } from './shell-context.js';
import type { VaultSession } from '../vault/store.js';

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string; error: unknown };

/**
 * `shell.run`, which shows a failure in the status line, keeping the failure for the screen
 * too: a wrong password or a damaged file is said where the user is looking.
 */
export async function runReporting<T>(
  shell: Shell,
  label: string,
  work: (session: VaultSession) => Promise<T>,
  done?: (result: T) => string,
): Promise<Outcome<T>> {
  let failure: Outcome<T> = { ok: false, message: 'It did not work; nothing was changed.', error: undefined };
  const result = await shell.run(
    label,
    async (session) => {
      try {
        return { value: await work(session) };
      } catch (error) {
        failure = { ok: false, message: errorSentence(error), error };
        throw error;
      }
    },
    done && ((r) => done(r.value)),
  );
  return result ? { ok: true, value: result.value } : failure;
}
