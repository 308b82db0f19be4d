import { useShell } from '../shell-context.js';
import { runReporting } from '../run-reporting.js';
import { fileSource } from '../../qr/show-sources.js';

/**
 * Opens the player on a file: it is read (below the UI) first, so a missing or too large
 * file is said where the user is, and the player only ever gets something it can show.
 * Resolves to the problem, or undefined once the player is open.
 */
export function useShowFile(): (path: string) => Promise<string | undefined> {
  const shell = useShell();
  return async (path) => {
    const outcome = await runReporting(shell, `Reading ${path}…`, () => fileSource(path));
    if (!outcome.ok) return outcome.message;
    shell.notify(undefined);
    shell.navigate({ type: 'open', screen: { name: 'qr-show', source: outcome.value } });
    return undefined;
  };
}
