/** The backups screens in the shell, driven by keys, against real vault and backup files. */
import * as actions from '../../../src/vault/actions.js';
import type { VaultSession } from '../../../src/vault/store.js';
import type { Screen } from '../../helpers/ink.js';
import { TAB } from '../../helpers/keys.js';
import { content, openShell } from '../../helpers/shell.js';

export const BACKUP_PASSWORD = 'correct horse battery staple 42';
export const bytes = (text: string) => new TextEncoder().encode(text);

/** The content area with wrapped lines joined again, for a path or a checksum cut at the edge. */
export const unwrapped = (frame: string) => content(frame).replace(/\n/gu, '');

/** The app on `session`, opened at the Backups section, once it has looked for drives. */
export async function openBackups(session: VaultSession): Promise<Screen> {
  const screen = await openShell(session);
  await screen.pressUntil('Export a backup', TAB, TAB, TAB);
  await screen.waitFor(/No removable drive is mounted now|Drive: /u);
  return screen;
}

/** `alice` (//Alice) on the dev identity. */
export async function withAlice(session: VaultSession): Promise<VaultSession> {
  await actions.deriveAccount(session, { identity: 'dev', name: 'alice', type: 'sr25519', path: '//Alice' });
  return session;
}
