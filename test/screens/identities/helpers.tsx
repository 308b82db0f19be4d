import { expect } from 'vitest';
import { renderScreen as renderRegistry } from '../../../src/screens/index.js';
import { ShellView } from '../../../src/app/shell.js';
import { VaultSession } from '../../../src/vault/store.js';
import { renderScreen, type Screen } from '../../helpers/ink.js';
import { TEST_PASSWORD } from '../../helpers/vault.js';

/** The app at 80×24 on the Identities section, which is where it opens. */
export async function openApp(session: VaultSession) {
  const screen = await renderScreen(<ShellView session={session} renderScreen={renderRegistry} />, {
    columns: 80,
    rows: 24,
  });
  await screen.waitFor('Identities ·');
  // The first frame may come before the 80×24 size is seen: wait for one where no line is longer.
  await screen.waitFor(/^(?![\s\S]*[^\n]{81})/u);
  return screen;
}

/** The frame fills 80×24 exactly and no line runs past the edge. */
export function expectFits(frame: string) {
  const lines = frame.split('\n');
  expect(lines).toHaveLength(24);
  for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
}

/** The vault as it is on disk now, read with a fresh unlock. */
export async function reopen(session: VaultSession) {
  const fresh = await VaultSession.unlock(session.path, new TextEncoder().encode(TEST_PASSWORD));
  fresh.close();
  return fresh.data;
}

/** Presses keys until the frame shows `text`, and returns that frame. */
export async function reach(screen: Screen, text: string | RegExp, ...keys: string[]): Promise<string> {
  return screen.pressUntil(text, ...keys);
}

/** The content area's text as one line: sidebar cut off, wrapped lines joined. */
export function contentText(frame: string): string {
  return frame
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/^[^│]*│/u, ''))
    .join(' ')
    .replace(/\s+/gu, ' ');
}
