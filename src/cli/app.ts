import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { fileExists } from '../media/file-exists.js';
import { vaultPathOf } from './context.js';
import { forgetSecrets } from './secrets.js';

/** `airlock` with no command: the full-screen app, which needs a terminal on both ends. */
export async function openApp(_options: unknown, command: Command): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UserError('the full-screen app needs a terminal', 'for scripts, use the commands: airlock --help');
  }
  const path = vaultPathOf(command);
  forgetSecrets();
  const { runFullScreen } = await import('../app/run.js');
  await runFullScreen(path, await fileExists(path));
}
