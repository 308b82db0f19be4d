/** The settings screens, driven key by key against a real vault file. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { WrongPasswordError } from '../../../src/errors.js';
import { VaultSession } from '../../../src/vault/store.js';
import { type Screen, expectFits } from '../../helpers/ink.js';
import { ARROW_DOWN, CTRL_U, ENTER, ESC, SHIFT_TAB, TAB } from '../../helpers/keys.js';
import { content, openShell, prose, waitForProse } from '../../helpers/shell.js';
import { TEST_PASSWORD, openTestVault, reopen } from '../../helpers/vault.js';

const NEW_PASSWORD = 'correct horse battery staple 42';
const bytes = (text: string) => new TextEncoder().encode(text);
/** A frame of the spinner, then what it says. */
const SPINNING = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Checking the current password, re-encrypting the vault…/u;

async function openSettings(session: VaultSession): Promise<Screen> {
  const screen = await openShell(session);
  await screen.pressUntil('Default network  Substrate (substrate, SS58 prefix 42)', SHIFT_TAB);
  return screen;
}

describe('the settings screens', () => {
  it('lists the settings, with the vault file read-only', async () => {
    const session = await openTestVault();
    const screen = await openSettings(session);
    expect(screen.frame()).toContain('› Vault password');
    expect(screen.frame()).toContain(`Vault file       ${session.path}`);
    expect(screen.frame()).toContain('Lock after       5 minutes without a key');
    await screen.pressUntil('› Vault file', ARROW_DOWN, ARROW_DOWN, ARROW_DOWN);
    expect(screen.frame()).toContain('Read-only here');
    // Enter on the file opens nothing; k still moves, so the screen is where it was.
    screen.type(ENTER);
    await screen.pressUntil('› Lock after', 'k');
    expect(screen.frame()).not.toContain('Change the vault password');
    expectFits(screen.frame());
    screen.unmount();
  });

  it('changes the vault password: the old one no longer opens the file, the new one does', async () => {
    const session = await openTestVault();
    const screen = await openSettings(session);
    await screen.pressUntil('Change the vault password', ENTER);

    screen.type(TEST_PASSWORD);
    await screen.waitFor(`Current password:    ${'•'.repeat(TEST_PASSWORD.length)}`);
    await screen.press(TAB);
    screen.type('abc');
    await screen.waitFor('The vault password must be at least 6 characters long.');
    await screen.press(CTRL_U);
    screen.type(TEST_PASSWORD);
    await screen.waitFor('This is the current password');
    await screen.press(CTRL_U);
    screen.type(NEW_PASSWORD);
    await screen.waitFor('A strong password.');
    expect(screen.frame()).not.toContain('This is the current password');
    await screen.press(TAB);
    screen.type(NEW_PASSWORD.slice(0, 5));
    await screen.waitFor('Not the same as the new password (yet).');
    screen.type(NEW_PASSWORD.slice(5));
    const ready = await screen.waitFor('The two match.');
    expectFits(ready);
    // The secrets never show in the frame.
    expect(ready).not.toContain(NEW_PASSWORD);
    expect(ready).not.toContain(TEST_PASSWORD);

    await screen.press(ENTER);
    // Where the form was, a spinner while it works, and no key hints that would do nothing.
    const frames = await screen.framesUntil('✓ Vault password changed', 30_000);
    const working = frames.map(content).filter((f) => SPINNING.test(f));
    expect(working.length, frames.join('\n\n')).toBeGreaterThan(0);
    for (const frame of working) expect(frame).not.toContain('changes it');
    await screen.waitFor('› Vault password');

    await expect(VaultSession.unlock(session.path, bytes(TEST_PASSWORD))).rejects.toBeInstanceOf(WrongPasswordError);
    const reopened = await VaultSession.unlock(session.path, bytes(NEW_PASSWORD));
    expect(reopened.data.identities).toEqual(session.data.identities);
    reopened.close();
    screen.unmount();
  });

  it('refuses a wrong current password and leaves the vault file as it was', async () => {
    const session = await openTestVault();
    const before = await readFile(session.path);
    const screen = await openSettings(session);
    await screen.pressUntil('Change the vault password', ENTER);
    screen.type('not-the-password');
    await screen.press(TAB);
    screen.type(NEW_PASSWORD);
    await screen.press(TAB);
    screen.type(NEW_PASSWORD);
    await screen.waitFor('The two match.');
    await screen.press(ENTER);
    const refused = await screen.waitFor('Wrong current password: nothing was changed.', 30_000);
    expect(refused).toContain('Change the vault password');
    // The fields were cleared, the secrets with them.
    expect(refused).not.toContain('•');
    expect((await readFile(session.path)).equals(before)).toBe(true);
    const reopened = await VaultSession.unlock(session.path, bytes(TEST_PASSWORD));
    reopened.close();

    await screen.pressUntil('› Vault password', ESC);
    screen.unmount();
  });

  it('will not send the form before the current password is typed and the new one repeated', async () => {
    const session = await openTestVault();
    const before = await readFile(session.path);
    const screen = await openSettings(session);
    await screen.pressUntil('Change the vault password', ENTER);
    await screen.pressUntil('Type the current password first.', ENTER, ENTER, ENTER);
    expect(screen.frame()).toContain('› Current password:');
    screen.type(TEST_PASSWORD);
    await screen.press(TAB);
    screen.type(NEW_PASSWORD);
    await screen.press(TAB);
    screen.type('something else');
    await screen.pressUntil('The two new passwords differ', ENTER);
    expect((await readFile(session.path)).equals(before)).toBe(true);
    // Once the repeat is right, nothing says the two differ.
    await screen.press(CTRL_U);
    screen.type(NEW_PASSWORD);
    expect(await screen.waitFor('The two match.')).not.toContain('differ');
    screen.unmount();
  });

  it('chooses the default network by filtering', async () => {
    const session = await openTestVault();
    const screen = await openSettings(session);
    await screen.pressUntil('Filter:', ARROW_DOWN, ENTER);
    expect(screen.frame()).toMatch(/›● substrate\s+42/u);
    screen.type('kus');
    const filtered = await screen.waitFor('Filter: kus');
    expect(filtered).toMatch(/› {2}kusama\s+2 {2}Kusama/u);
    expectFits(filtered);
    await screen.pressUntil('✓ Default network: kusama', ENTER);
    await screen.waitFor('Default network  Kusama Relay Chain (kusama, SS58 prefix 2)');
    expect(session.data.settings.defaultNetwork).toBe('kusama');
    const reopened = await VaultSession.unlock(session.path, bytes(TEST_PASSWORD));
    expect(reopened.data.settings.defaultNetwork).toBe('kusama');
    reopened.close();
    screen.unmount();
  });

  it('chooses from a filter and Enter typed ahead in one chunk', async () => {
    const session = await openTestVault();
    const screen = await openSettings(session);
    await screen.pressUntil('Filter:', ARROW_DOWN, ENTER);
    await screen.pressUntil('✓ Default network: polkadot', `polkadot${ENTER}`);
    expect(session.data.settings.defaultNetwork).toBe('polkadot');
    screen.unmount();
  });

  it('leaves the network as it was on Esc, clearing the filter first', async () => {
    const session = await openTestVault();
    const screen = await openSettings(session);
    await screen.pressUntil('Filter:', ARROW_DOWN, ENTER);
    screen.type('zzzz');
    await screen.waitFor('No network matches "zzzz".');
    screen.type(ENTER); // nothing to choose
    await screen.pressUntil(/›● substrate/u, ESC);
    expect(screen.frame()).toContain('Filter: ');
    // Back on the settings list where it was left.
    await screen.pressUntil('› Default network', ESC);
    expect(screen.frame()).toContain('Default network  Substrate (substrate, SS58 prefix 42)');
    expect(session.data.settings.defaultNetwork).toBe('substrate');
    screen.unmount();
  });

  it('keeps its columns at 80×24 after a long network is chosen, its value whole and wrapped at a word', async () => {
    const session = await openTestVault();
    const screen = await openSettings(session);
    await screen.pressUntil('Filter:', ARROW_DOWN, ENTER);
    await screen.pressUntil('✓ Default network: polkadot', `polkadot${ENTER}`);
    const frame = await screen.waitFor('Polkadot Relay Chain');
    expectFits(frame);
    const lines = content(frame).split('\n');
    const row = lines.findIndex((line) => line.includes('Default network'));
    // Still selected; the label where it was, the value in its column, its rest under it from a word on.
    expect(lines[row]).toMatch(/^› Default network {2}Polkadot Relay Chain \(polkadot,/u);
    const column = lines[row]!.indexOf('Polkadot');
    const rest = lines[row + 1]!;
    expect(rest.slice(0, column).trim()).toBe('');
    expect(rest[column]).not.toBe(' ');
    expect(`${lines[row]!.slice(column)} ${rest.slice(column)}`).toBe('Polkadot Relay Chain (polkadot, SS58 prefix 0)');
    expect(lines[row + 2]).toBe('  Lock after       5 minutes without a key');
    screen.unmount();
  });

  it('changes the lock time in its row, refusing what is not whole minutes, 0 for never', async () => {
    const session = await openTestVault();
    const screen = await openSettings(session);
    await screen.pressUntil('› Lock after       5 minutes without a key', ARROW_DOWN, ARROW_DOWN);
    expect(prose(screen.frame())).toContain('A QR code being shown or a write under way is never cut short.');
    await screen.pressUntil('Minutes: 5', ENTER);
    screen.type('x');
    await screen.waitFor('Minutes: 5x');
    screen.type(ENTER);
    await waitForProse(screen, 'Type a whole number of minutes from 0 to 1440 (0: never).');
    expectFits(screen.frame());
    expect(session.data.settings.lockAfterMinutes).toBe(5);

    screen.type(CTRL_U);
    screen.type('30');
    await screen.waitFor('Minutes: 30');
    await screen.pressUntil('✓ Lock after: 30 minutes', ENTER);
    await screen.waitFor('› Lock after       30 minutes without a key');
    expect((await reopen(session)).settings.lockAfterMinutes).toBe(30);

    // Esc leaves it as it was; the list has the keys again.
    await screen.pressUntil('Minutes: 30', ENTER);
    screen.type(CTRL_U);
    screen.type('0');
    await screen.waitFor('Minutes: 0');
    await screen.pressUntil('› Lock after       30 minutes without a key', ESC);
    await screen.pressUntil('› Vault file', ARROW_DOWN);
    await screen.pressUntil('› Lock after', 'k');

    await screen.pressUntil('Minutes: 30', ENTER);
    screen.type(CTRL_U);
    screen.type('0');
    await screen.waitFor('Minutes: 0');
    await screen.pressUntil('✓ Lock after: never', ENTER);
    await screen.waitFor('› Lock after       never');
    expect((await reopen(session)).settings.lockAfterMinutes).toBe(0);
    screen.unmount();
  });
});
