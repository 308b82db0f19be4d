/** The identities screens in the shell, driven by keys. */
import type { VaultSession } from '../../../src/vault/store.js';
import { openShell } from '../../helpers/shell.js';

/** The app at 80×24 on the Identities section, which is where it opens. */
export async function openApp(session: VaultSession) {
  const screen = await openShell(session);
  await screen.waitFor('Identities ·');
  // The first frame may come before the 80×24 size is seen: wait for one where no line is longer.
  await screen.waitFor(/^(?![\s\S]*[^\n]{81})/u);
  return screen;
}
