import { render } from 'ink';
import type { VaultSession } from '../vault/store.js';
import { App } from './app.js';
import { enterFullScreen } from '../ui/full-screen.js';

/**
 * Runs the full-screen app until the user quits. Ink draws through the alternate screen's own
 * output, so its last frame (which it writes on a signal or at exit) never reaches the main screen.
 */
export async function runFullScreen(vaultPath: string, vaultExists: boolean): Promise<void> {
  const screen = enterFullScreen({ input: process.stdin, output: process.stdout }, { bracketedPaste: true });
  let session: VaultSession | undefined;
  // The app runs until the user quits, even while no screen is reading keys.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  try {
    const instance = render(<App vaultPath={vaultPath} vaultExists={vaultExists} onSession={(s) => (session = s)} />, {
      stdout: screen.output,
      exitOnCtrlC: true,
      patchConsole: true,
    });
    await instance.waitUntilExit();
  } finally {
    clearInterval(keepAlive);
    session?.close();
    screen.leave();
  }
}
