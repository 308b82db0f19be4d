import { describe, expect, it } from 'vitest';
import { renderScreen as renderRegistry } from '../../src/screens/index.js';
import { ShellView } from '../../src/app/shell.js';
import { renderScreen, SHIFT_TAB, TAB } from '../helpers/ink.js';
import { openTestVault } from '../helpers/vault.js';

describe('the shell', () => {
  it('moves between sections with Tab and Shift-Tab', async () => {
    const session = await openTestVault();
    const screen = await renderScreen(<ShellView session={session} renderScreen={renderRegistry} />);
    expect(screen.frame()).toContain('Identities');
    await screen.pressUntil('QR ·', SHIFT_TAB, SHIFT_TAB, SHIFT_TAB);
    expect(screen.frame()).toContain('Read QR pictures');
    await screen.pressUntil('Ledger ·', TAB);
    screen.unmount();
  });

  it('fills the terminal and lays itself out again when resized', async () => {
    const session = await openTestVault();
    const screen = await renderScreen(<ShellView session={session} renderScreen={renderRegistry} />);
    expect(screen.frame().split('\n')).toHaveLength(24);
    const wide = await screen.resize(120, 40);
    expect(wide.split('\n')).toHaveLength(40);
    const narrow = await screen.resize(80, 24);
    expect(narrow.split('\n')).toHaveLength(24);
    expect(Math.max(...narrow.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    screen.unmount();
  });
});
