/**
 * Navigation keeps context: an identity opens its own accounts, derive there starts on it, a new
 * identity is the one selected, and menus and lists are where they were after Esc or the QR player.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as actions from '../../src/vault/actions.js';
import { generateMnemonic } from '../../src/vault/mnemonic.js';

import { ALICE, BOB } from '../helpers/dev-keys.js';
import { temporaryDir } from '../helpers/files.js';
import { expectFits } from '../helpers/ink.js';
import { ARROW_DOWN, CTRL_U, ENTER, ESC, SHIFT_TAB, TAB, paste } from '../helpers/keys.js';
import { content } from '../helpers/shell.js';
import { openTestVault } from '../helpers/vault.js';
import { openApp } from './identities/helpers.js';

/** The dev identity with alice, and "other" with bob. */
async function twoIdentities() {
  const session = await openTestVault({ dev: true });
  await actions.saveMnemonicIdentity(session, 'other', generateMnemonic(12));
  await actions.deriveAccount(session, { identity: 'dev', name: 'alice', type: 'sr25519', path: '//Alice' });
  await actions.deriveAccount(session, { identity: 'other', name: 'bob', type: 'sr25519', path: '//Bob' });
  return session;
}

describe("an identity's accounts", () => {
  it('Enter on an identity lists only its accounts, says so, and Esc shows every account', async () => {
    const screen = await openApp(await twoIdentities());
    const filtered = await screen.pressUntil('1 account of identity "other"', ARROW_DOWN, ENTER);
    expect(filtered).toContain('Accounts ·');
    expect(content(filtered)).toContain('bob');
    expect(content(filtered)).not.toContain('alice');
    expect(filtered).toContain('Esc shows every account');
    expectFits(filtered);
    const all = await screen.pressUntil('2 accounts', ESC);
    expect(content(all)).toContain('alice');
    expect(content(all)).toContain('bob');
    screen.unmount();
  });

  it('derive among them starts on that identity, and Esc comes back to them', async () => {
    const screen = await openApp(await twoIdentities());
    await screen.pressUntil('1 account of identity "other"', ARROW_DOWN, ENTER);
    const form = await screen.pressUntil('Key type', 'd');
    expect(form).toMatch(/Identity\s+○ dev {2}● other/u);
    await screen.pressUntil('1 account of identity "other"', ESC);
    // From every account, derive starts on the first identity as before.
    await screen.pressUntil('2 accounts', ESC);
    expect(await screen.pressUntil('Key type', 'd')).toMatch(/Identity\s+● dev {2}○ other/u);
    screen.unmount();
  });

  it('an identity without accounts says how to derive one from it', async () => {
    const session = await openTestVault({ dev: true });
    const screen = await openApp(session);
    const empty = await screen.pressUntil('No accounts of identity "dev" yet', ENTER);
    expect(empty).toContain('Esc every account');
    await screen.pressUntil(/Identity\s+● dev/u, 'd');
    screen.unmount();
  });
});

describe('a new or restored identity', () => {
  it('is the one selected in the list afterwards', async () => {
    const session = await openTestVault({ dev: true });
    await actions.saveMnemonicIdentity(session, 'zeta', generateMnemonic(12));
    const screen = await openApp(session);
    await screen.pressUntil('Restore an identity', 'r');
    screen.type('abc');
    await screen.waitFor('Name: abc');
    await screen.pressUntil('Word 1 of 12', ENTER);
    await screen.pressUntil('The checksum holds', paste(generateMnemonic(12)));
    await screen.pressUntil('Restored identity "abc"', ENTER);
    // R renames the selected identity: the one just restored, at the end of the list.
    await screen.pressUntil('Rename identity "abc"', 'R');
    screen.unmount();
  });
});

describe('lists and menus keep their place', () => {
  it('the identities list after Esc from a screen it opened', async () => {
    const screen = await openApp(await twoIdentities());
    await screen.pressUntil('Rename identity "other"', ARROW_DOWN, 'R');
    await screen.pressUntil('KIND', ESC);
    await screen.pressUntil('Rename identity "other"', 'R');
    screen.unmount();
  });

  it('the identities list after a trip to the accounts and back', async () => {
    const screen = await openApp(await twoIdentities());
    await screen.pressUntil('1 account of identity "other"', ARROW_DOWN, ENTER);
    await screen.pressUntil('KIND', TAB, TAB, TAB, TAB, TAB, TAB, TAB);
    await screen.pressUntil('Rename identity "other"', 'R');
    screen.unmount();
  });

  it('the address book after Esc from an entry it opened', async () => {
    const session = await openTestVault();
    await actions.addAddress(session, { name: 'first', address: ALICE.substrate, network: 'substrate' });
    await actions.addAddress(session, { name: 'second', address: BOB.substrate, network: 'substrate' });
    const screen = await openApp(session);
    await screen.pressUntil('Address book ·', TAB, TAB);
    await screen.pressUntil(/Name:\s+second/u, ARROW_DOWN, ENTER);
    await screen.pressUntil('Address book · 2 entries', ESC);
    await screen.pressUntil(/Name:\s+second/u, ENTER);
    screen.unmount();
  });

  it('a section menu after Esc', async () => {
    const screen = await openApp(await openTestVault());
    await screen.pressUntil('› Export a backup', TAB, TAB, TAB);
    await screen.pressUntil('› Verify a backup', ARROW_DOWN, ARROW_DOWN);
    screen.type(ENTER);
    await screen.waitForFrame(
      (f) => f.includes('Verify a backup') && !f.includes('Export a backup'),
      'the verify screen',
    );
    expect(await screen.pressUntil('› Verify a backup', ESC)).toContain('Backups ·');
    screen.unmount();
  });

  it('the QR menu after the player closes', async () => {
    const path = join(await temporaryDir('keeps-context'), 'payload.bin');
    await writeFile(path, 'a file sent as QR codes');
    const screen = await openApp(await openTestVault());
    await screen.pressUntil('Read QR pictures', SHIFT_TAB, SHIFT_TAB, SHIFT_TAB, SHIFT_TAB);
    await screen.pressUntil('› Send a file', ARROW_DOWN);
    await screen.pressUntil('File:', ENTER);
    screen.type(CTRL_U);
    screen.type(path);
    await screen.waitFor('payload.bin');
    await screen.pressUntil('one frame', ENTER);
    await screen.pressUntil('Send a file as QR codes', 'q');
    expect(await screen.pressUntil('Read QR pictures', ESC)).toContain('› Send a file');
    screen.unmount();
  });
});
