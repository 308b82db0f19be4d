/** The Ledger screens in the shell, driven by keys, against real vaults and the emulated device. */
import { expect } from 'vitest';
import { renderScreen as renderRegistry } from '../../../src/screens/index.js';
import { SIDEBAR_WIDTH } from '../../../src/app/sidebar.js';
import { ShellView } from '../../../src/app/shell.js';
import { VaultSession } from '../../../src/vault/store.js';
import { renderScreen, SHIFT_TAB, type Screen } from '../../helpers/ink.js';
import { TEST_PASSWORD } from '../../helpers/vault.js';

export const CTRL_U = '\u0015';
export const CTRL_S = '\u0013';
/** The content area's width at 80 columns: the sidebar and its border, and the padding, taken off. */
export const CONTENT_WIDTH = 80 - SIDEBAR_WIDTH - 2;

/** The app at 80×24, opened at the Ledger section (two sections back from Identities). */
export async function openLedger(session: VaultSession): Promise<Screen> {
  const screen = await renderScreen(<ShellView session={session} renderScreen={renderRegistry} />, {
    columns: 80,
    rows: 24,
  });
  await screen.waitFor('Identities ·');
  await screen.pressUntil('Recover offline from its 24 words', SHIFT_TAB, SHIFT_TAB);
  return screen;
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

/** The status line at the bottom. */
export const statusLine = (frame: string) => frame.split('\n').at(-1) ?? '';

/** Waits until the content, read as one line of words, shows `text`. */
export async function waitForProse(screen: Screen, text: string, timeoutMs = 10_000): Promise<string> {
  const started = Date.now();
  while (!prose(screen.frame()).includes(text)) {
    if (Date.now() - started > timeoutMs)
      expect.fail(`timed out waiting for "${text}"; the screen shows:\n${screen.frame()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return screen.frame();
}

/** The frame is the 80×24 terminal, no line past its edge. */
export function expectFits(frame: string) {
  const lines = frame.split('\n');
  expect(lines.length, frame).toBeLessThanOrEqual(24);
  for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
}

/** The vault as it is on disk now, read with a fresh unlock. */
export async function reopen(session: VaultSession) {
  const fresh = await VaultSession.unlock(session.path, new TextEncoder().encode(TEST_PASSWORD));
  fresh.close();
  return fresh.data;
}
