/** The accounts screens in the shell, driven by keys. */
import type { Screen } from '../../helpers/ink.js';
import { TAB } from '../../helpers/keys.js';
import { openShell } from '../../helpers/shell.js';
import type { VaultSession } from '../../../src/vault/store.js';

/** The app on `session`, opened at the Accounts section. */
export async function openAccounts(session: VaultSession, size = { columns: 80, rows: 24 }): Promise<Screen> {
  const screen = await openShell(session, size);
  await screen.pressUntil(/Accounts ·/u, TAB);
  await screen.waitFor(/NAME +ADDRESS|No accounts yet/u);
  return screen;
}
