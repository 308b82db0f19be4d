/** The app shell under test: opened on a vault, and its content area read without the sidebar. */
import { renderScreen as renderRegistry } from '../../src/screens/index.js';
import { SIDEBAR_WIDTH } from '../../src/app/sidebar.js';
import { ShellView } from '../../src/app/shell.js';
import type { VaultSession } from '../../src/vault/store.js';
import { renderScreen, type Screen } from './ink.js';

/** The shell on `session`, at the Identities section where it opens. */
export function openShell(session: VaultSession, size = { columns: 80, rows: 24 }): Promise<Screen> {
  return renderScreen(<ShellView session={session} renderScreen={renderRegistry} />, size);
}

/** The content area's lines, without the title, the sidebar and the status line. */
export const content = (frame: string) =>
  frame
    .split('\n')
    .slice(1, -1)
    .map((line) => line.slice(SIDEBAR_WIDTH + 1).trimEnd())
    .join('\n');

/** The content area as one line of words, for text that may wrap. */
export const prose = (frame: string) => content(frame).replace(/\s+/gu, ' ').trim();

/** Waits until the content area, read as one line of words, shows `text`: for messages that wrap. */
export function waitForProse(screen: Screen, text: string, timeoutMs?: number): Promise<string> {
  return screen.waitForFrame((frame) => prose(frame).includes(text), `"${text}" in the content`, timeoutMs);
}
