/**
 * Below 80×24 the app says so in one sentence instead of drawing screens cut off; keys typed
 * meanwhile land nowhere; when the terminal grows, the app is back as it was left.
 */
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/app.js';
import { VaultSession } from '../../src/vault/store.js';
import { type Screen, expectFits, renderScreen } from '../helpers/ink.js';
import { ENTER, TAB } from '../helpers/keys.js';
import { temporaryDir } from '../helpers/files.js';
import { FAST_SCRYPT, TEST_PASSWORD } from '../helpers/vault.js';

const tooSmall = (columns: number, rows: number) =>
  `airlock needs a terminal of at least 80×24; this one is ${columns}×${rows}.`;
/** The frame as one line of words: the sentence wraps in a narrow terminal. */
const words = (frame: string) => frame.replace(/\s+/gu, ' ');

/** Shrinks the terminal and waits for the sentence that says so. */
async function shrink(screen: Screen, columns: number, rows: number) {
  await screen.resize(columns, rows);
  return screen.waitForFrame((f) => words(f).includes(tooSmall(columns, rows)), `the ${columns}×${rows} message`);
}

async function lockedVault() {
  const path = `${await temporaryDir('minimum-size')}/vault.json`;
  (await VaultSession.create(path, new TextEncoder().encode(TEST_PASSWORD), FAST_SCRYPT)).close();
  return path;
}

describe('a terminal smaller than 80×24', () => {
  it('is told its size instead of a cut-off screen, in each direction, and the app comes back as it grows', async () => {
    const screen = await renderScreen(<App vaultPath={await lockedVault()} vaultExists />, { columns: 60, rows: 20 });
    const small = await screen.waitForFrame((f) => words(f).includes(tooSmall(60, 20)), 'the size message');
    expectFits(small, 60, 20);
    expect(small).not.toContain('Unlock');
    expectFits(await shrink(screen, 79, 24), 79, 24);
    expectFits(await shrink(screen, 80, 23), 80, 23);

    const unlock = await screen.resize(80, 24);
    expect(unlock).toContain('Unlock the vault');
    expect(unlock).not.toContain('airlock needs');
    for (const line of unlock.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    screen.unmount();
  });

  it('keeps what was typed, drops what is typed while it is too small, and unlocks once it grows', async () => {
    const screen = await renderScreen(<App vaultPath={await lockedVault()} vaultExists />);
    await screen.waitFor('Unlock the vault');
    screen.type(TEST_PASSWORD.slice(0, 6));
    await screen.waitFor('••••••');

    await shrink(screen, 50, 12);
    // Typed blind: none of it may reach the password field nor press Enter on it.
    screen.type(`xyz${ENTER}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(words(screen.frame())).toContain(tooSmall(50, 12));
    expectFits(screen.frame(), 50, 12);

    await screen.resize(80, 24);
    const back = await screen.waitFor('Unlock the vault');
    expect(back).toContain(`${'•'.repeat(6)}`);
    expect(back).not.toContain('•'.repeat(7));
    screen.type(TEST_PASSWORD.slice(6));
    await screen.pressUntil('Identities ·', ENTER);

    // In the open vault too: the section the user was in is still there after a shrink.
    await screen.pressUntil('Accounts ·', TAB);
    await shrink(screen, 100, 20);
    await screen.resize(120, 40);
    const grown = await screen.waitFor('Accounts ·');
    expectFits(grown, 120, 40);
    screen.unmount();
  });
});
