/** The accounts screens in the shell, driven by keys, and what to ask of their frames. */
import { expect } from 'vitest';
import { renderScreen as renderRegistry } from '../../../src/screens/index.js';
import { SIDEBAR_WIDTH } from '../../../src/app/sidebar.js';
import { ShellView } from '../../../src/app/shell.js';
import type { VaultSession } from '../../../src/vault/store.js';
import { renderScreen, TAB, type Screen } from '../../helpers/ink.js';

/** The content area's lines, without the title, the sidebar and the status line. */
export const content = (frame: string) =>
  frame
    .split('\n')
    .slice(1, -1)
    .map((line) => line.slice(SIDEBAR_WIDTH + 1))
    .join('\n');

/** The content area as one line of words, for text that may wrap. */
export const prose = (frame: string) => content(frame).replace(/\s+/gu, ' ').trim();

/** Fails when a line of the frame is wider than the terminal. */
export function expectFits(frame: string, columns = 80) {
  const widest = Math.max(...frame.split('\n').map((line) => [...line].length));
  expect(widest, frame).toBeLessThanOrEqual(columns);
}

/** The app on `session`, opened at the Accounts section. */
export async function openAccounts(session: VaultSession, size = { columns: 80, rows: 24 }): Promise<Screen> {
  const screen = await renderScreen(<ShellView session={session} renderScreen={renderRegistry} />, size);
  await screen.pressUntil(/Accounts ·/u, TAB);
  await screen.waitFor(/NAME +ADDRESS|No accounts yet/u);
  return screen;
}
