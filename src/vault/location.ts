import { homedir } from 'node:os';
import { join } from 'node:path';

/** `--vault`, else `$AIRLOCK_VAULT`, else `$XDG_DATA_HOME/airlock/vault.json`. */
export function resolveVaultPath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  if (env.AIRLOCK_VAULT) return env.AIRLOCK_VAULT;
  const dataHome = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(dataHome, 'airlock', 'vault.json');
}

export const previousGenerationPath = (path: string) => `${path}.bak`;
