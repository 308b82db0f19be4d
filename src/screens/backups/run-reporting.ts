import { describeError } from '../../errors.js';
import type { Shell } from '../../ui/shell-context.js';
import type { VaultSession } from '../../vault/store.js';

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
        const { message, hint } = describeError(error);
        failure = { ok: false, message: hint ? `${capitalise(message)}; ${hint}.` : `${capitalise(message)}.`, error };
        throw error;
      }
    },
    done && ((r) => done(r.value)),
  );
  return result ? { ok: true, value: result.value } : failure;
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
