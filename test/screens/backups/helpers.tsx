/** The backups screens in the shell, driven by keys, against real vault and backup files. */
import { expect } from 'vitest';
import { renderScreen as renderRegistry } from '../../../src/screens/index.js';
import { SIDEBAR_WIDTH } from '../../../src/app/sidebar.js';
import { ShellView } from '../../../src/app/shell.js';
import * as actions from '../../../src/vault/actions.js';
import type { VaultSession } from '../../../src/vault/store.js';
import { renderScreen, TAB, type Screen } from '../../helpers/ink.js';

export const CTRL_U = '\u0015';
export const BACKUP_PASSWORD = 'correct horse battery staple 42';
export const bytes = (text: string) => new TextEncoder().encode(text);

/** The content area's lines, without the title, the sidebar and the status line. */
export const content = (frame: string) =>
  frame
    .split('\n')
    .slice(1, -1)
    .map((line) => line.slice(SIDEBAR_WIDTH + 1).trimEnd())
    .join('\n');

/** The content area with wrapped lines joined again, for a path or a checksum cut at the edge. */
export const unwrapped = (frame: string) => content(frame).replace(/\n/gu, '');

/** The content area as one line of words, for text that may wrap. */
export const prose = (frame: string) => content(frame).replace(/\s+/gu, ' ').trim();

/** Fails when the frame is taller or wider than the 80×24 terminal. */
export function expectFits(frame: string) {
  const lines = frame.split('\n');
  expect(lines.length, frame).toBeLessThanOrEqual(24);
  for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
}

/** The app on `session`, opened at the Backups section, once it has looked for drives. */
export async function openBackups(session: VaultSession): Promise<Screen> {
  const screen = await renderScreen(<ShellView session={session} renderScreen={renderRegistry} />, {
    columns: 80,
    rows: 24,
  });
  await screen.pressUntil('Export a backup', TAB, TAB, TAB);
  await screen.waitFor(/No removable drive is mounted now|Drive: /u);
  return screen;
}

/** `alice` (//Alice) on the dev identity. */
export async function withAlice(session: VaultSession): Promise<VaultSession> {
  await actions.deriveAccount(session, { identity: 'dev', name: 'alice', type: 'sr25519', path: '//Alice' });
  return session;
}

/** Waits until the content area, read as one line of words, shows `text`: for messages that wrap. */
export async function waitForProse(screen: Screen, text: string, timeoutMs = 10_000): Promise<string> {
  const started = Date.now();
  while (!prose(screen.frame()).includes(text)) {
    if (Date.now() - started > timeoutMs)
      expect.fail(`timed out waiting for "${text}"; the screen shows:\n${screen.frame()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return screen.frame();
}
