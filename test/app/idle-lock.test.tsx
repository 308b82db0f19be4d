/**
 * The app locks itself after an idle time, as a person meets it: unlocked, left alone, back at
 * the unlock screen with what was on screen gone. The idle time is seconds here (the App's
 * test-only prop), where the vault's setting is minutes.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/app.js';
import type { VaultSession } from '../../src/vault/store.js';
import { temporaryDir } from '../helpers/files.js';
import { type Screen, renderScreen } from '../helpers/ink.js';
import { ARROW_DOWN, CTRL_U, ENTER, ESC, SHIFT_TAB } from '../helpers/keys.js';
import { pseudoRandomBytes } from '../helpers/qr-frames.js';
import { TEST_PASSWORD, openTestVault } from '../helpers/vault.js';
import { expectThroughout } from '../helpers/wait.js';

const LOCK_SECONDS = 3;
const LOCKED = `Locked after ${LOCK_SECONDS} seconds without a key.`;

async function unlockedApp() {
  const vault = await openTestVault();
  vault.close();
  const sessions: (VaultSession | undefined)[] = [];
  const screen = await renderScreen(
    <App vaultPath={vault.path} vaultExists lockAfterSeconds={LOCK_SECONDS} onSession={(s) => sessions.push(s)} />,
  );
  await unlock(screen);
  return { screen, sessions };
}

async function unlock(screen: Screen) {
  await screen.waitFor('Unlock the vault');
  screen.type(TEST_PASSWORD);
  await screen.pressUntil('Identities ·', ENTER);
}

describe('auto-lock', () => {
  it('goes back to the unlock screen after the idle time, dropping the screen and the session', async () => {
    const { screen, sessions } = await unlockedApp();
    await screen.pressUntil('New identity', 'n');
    screen.type('cold');
    await screen.waitFor('Name: cold');
    const lastKey = Date.now();
    const words = await screen.pressUntil('Recovery words for', ENTER);
    expect(words).toMatch(/\b1\. [a-z]+/u);

    const locked = await screen.waitFor(LOCKED, 20_000);
    expect(Date.now() - lastKey).toBeGreaterThanOrEqual(LOCK_SECONDS * 1000);
    expect(locked).toContain('Unlock the vault');
    expect(locked).not.toContain('Recovery words for');
    expect(locked).not.toMatch(/\b\d{1,2}\. [a-z]+/u);
    // The session was handed back, and its key wiped: it opens the vault no more.
    const opened = sessions[0]!;
    expect(sessions).toEqual([opened, undefined]);
    await expect(opened.update((data) => ({ data, result: undefined }))).rejects.toThrow();

    // Unlocked again: a fresh shell; the words were never saved and are nowhere.
    await unlock(screen);
    expect(sessions).toHaveLength(3);
    await screen.waitFor('No identities yet');
    expect(screen.frame()).not.toContain('Recovery words for');
    expect(screen.frame()).not.toContain(LOCKED);
    screen.unmount();
  });

  it('stays open while keys come, however long that is', async () => {
    const { screen } = await unlockedApp();
    // Twice the idle time, a key every second: Shift-Tab and Tab, which change the section shown.
    for (let i = 0; i < LOCK_SECONDS * 2; i++) {
      screen.type(i % 2 ? '\t' : SHIFT_TAB);
      await expectThroughout(1000, () => expect(screen.frame()).not.toContain('Unlock the vault'));
    }
    await screen.waitFor(LOCKED, 20_000);
    screen.unmount();
  });

  it('does not lock while the QR player shows a file, and locks once it is closed', async () => {
    const path = join(await temporaryDir('idle-lock'), 'payload.bin');
    await writeFile(path, pseudoRandomBytes(1500, 7));
    const { screen } = await unlockedApp();
    await screen.pressUntil('QR ·', SHIFT_TAB, SHIFT_TAB, SHIFT_TAB, SHIFT_TAB);
    await screen.pressUntil('› Send a file', ARROW_DOWN);
    await screen.pressUntil('File:', ENTER);
    screen.type(CTRL_U);
    screen.type(path);
    await screen.waitFor('payload.bin');
    await screen.pressUntil(/frame \d+ · \d+ parts/u, ENTER);

    // Well past the idle time, the frames still play.
    await expectThroughout((LOCK_SECONDS + 2) * 1000, () => expect(screen.frame()).toMatch(/frame \d+ · \d+ parts/u));
    const closed = Date.now();
    await screen.pressUntil('Send a file as QR codes', ESC);
    await screen.waitFor(LOCKED, 20_000);
    expect(Date.now() - closed).toBeGreaterThanOrEqual(LOCK_SECONDS * 1000);
    screen.unmount();
  });
});
