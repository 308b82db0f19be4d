/** The Ledger screens in the shell, driven by keys, against real vaults and the emulated device. */
import { SIDEBAR_WIDTH } from '../../../src/app/sidebar.js';
import type { VaultSession } from '../../../src/vault/store.js';
import type { Screen } from '../../helpers/ink.js';
import { SHIFT_TAB } from '../../helpers/keys.js';
import { openShell } from '../../helpers/shell.js';

/** The content area's width at 80 columns: the sidebar and its border, and the padding, taken off. */
export const CONTENT_WIDTH = 80 - SIDEBAR_WIDTH - 2;

/** The app at 80×24, opened at the Ledger section (two sections back from Identities). */
export async function openLedger(session: VaultSession): Promise<Screen> {
  const screen = await openShell(session);
  await screen.waitFor('Identities ·');
  await screen.pressUntil('Recover offline from its 24 words', SHIFT_TAB, SHIFT_TAB);
  return screen;
}

/** The status line at the bottom. */
export const statusLine = (frame: string) => frame.split('\n').at(-1) ?? '';
