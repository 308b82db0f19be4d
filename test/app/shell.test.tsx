import { describe, expect, it } from 'vitest';
import { ENTER, SHIFT_TAB, TAB } from '../helpers/keys.js';
import { openShell } from '../helpers/shell.js';
import { openTestVault } from '../helpers/vault.js';

describe('the shell', () => {
  it('moves between sections with Tab and Shift-Tab', async () => {
    const session = await openTestVault();
    const screen = await openShell(session);
    expect(screen.frame()).toContain('Identities');
    await screen.pressUntil('QR ·', SHIFT_TAB, SHIFT_TAB, SHIFT_TAB, SHIFT_TAB);
    expect(screen.frame()).toContain('Read QR pictures');
    await screen.pressUntil('Sign ·', TAB);
    await screen.pressUntil('Ledger ·', TAB);
    screen.unmount();
  });

  it('fills the terminal and lays itself out again when resized', async () => {
    const session = await openTestVault();
    const screen = await openShell(session);
    expect(screen.frame().split('\n')).toHaveLength(24);
    const wide = await screen.resize(120, 40);
    expect(wide.split('\n')).toHaveLength(40);
    const narrow = await screen.resize(80, 24);
    expect(narrow.split('\n')).toHaveLength(24);
    expect(Math.max(...narrow.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    screen.unmount();
  });

  it('drops what was typed ahead after a key that changed the screen: it never lands in the next one', async () => {
    const session = await openTestVault();
    const screen = await openShell(session);
    await screen.pressUntil('› Vault password', SHIFT_TAB);
    // One chunk, as a terminal delivers keys typed faster than they are read: Enter opens the
    // password form, and the password typed for a field the user expected must not fill its first.
    await screen.pressUntil('Change the vault password', `${ENTER}hunter2`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(screen.frame()).not.toContain('•');
    // Keys typed once the screen is there reach its field.
    screen.type('x');
    await screen.waitFor(/Current password: +•(?!•)/u);
    screen.unmount();
  });
});
