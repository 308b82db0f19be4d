import { render } from 'ink';
import type { VaultSession } from '../vault/store.js';
import { App } from './app.js';
import { enterFullScreen } from './full-screen.js';

/** Runs the full-screen app until the user quits; the terminal is restored on every way out. */
export async function runFullScreen(vaultPath: string, vaultExists: boolean): Promise<void> {
  const leave = enterFullScreen(process.stdout);
  let session: VaultSession | undefined;
  // The app runs until the user quits, even while no screen is reading keys.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  try {
    const instance = render(<App vaultPath={vaultPath} vaultExists={vaultExists} onSession={(s) => (session = s)} />, {
      exitOnCtrlC: true,
      patchConsole: true,
    });
    await instance.waitUntilExit();
  } finally {
    clearInterval(keepAlive);
    session?.close();
    leave();
  }
}
