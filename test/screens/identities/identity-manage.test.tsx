import { describe, expect, it } from 'vitest';
import * as actions from '../../../src/vault/actions.js';
import { generateMnemonic } from '../../../src/vault/mnemonic.js';
import { expectFits } from '../../helpers/ink.js';
import { ARROW_DOWN, BACKSPACE, ENTER, ESC } from '../../helpers/keys.js';
import { prose } from '../../helpers/shell.js';
import { openTestVault, reopen } from '../../helpers/vault.js';
import { openApp } from './helpers.js';

describe('the identities list', () => {
  it('shows name, kind, accounts and date, and Enter goes to the accounts', async () => {
    const session = await openTestVault({ dev: true });
    await actions.deriveAccount(session, { identity: 'dev', name: 'alice', type: 'sr25519', path: '//Alice' });
    const screen = await openApp(session);
    const today = session.data.identities[0]!.createdAt.slice(0, 10);
    expect(screen.frame()).toMatch(new RegExp(`dev\\s+mnemonic\\s+1\\s+${today}`, 'u'));
    expectFits(screen.frame());
    await screen.pressUntil('Accounts ·', ENTER);
    screen.unmount();
  });

  it('keeps a long list inside the screen', async () => {
    const session = await openTestVault();
    for (let i = 0; i < 30; i++)
      await actions.saveMnemonicIdentity(
        session,
        `identity-${String(i).padStart(2, '0')}-${'x'.repeat(40)}`,
        generateMnemonic(12),
      );
    const screen = await openApp(session);
    expectFits(screen.frame());
    expect(screen.frame()).toContain('1/30');
    expectFits(await screen.pressUntil('30/30', 'G'));
    screen.unmount();
  });
});

describe('renaming an identity', () => {
  it('starts from the current name and saves the new one', async () => {
    const session = await openTestVault({ dev: true });
    const screen = await openApp(session);
    await screen.pressUntil('Rename identity "dev"', 'R');
    expect(screen.frame()).toContain('New name: dev');
    for (let i = 0; i < 3; i++) screen.type(BACKSPACE);
    screen.type('alice-keys');
    await screen.waitFor('New name: alice-keys');
    await screen.pressUntil(/alice-keys\s+mnemonic/u, ENTER);
    expect(screen.frame()).toContain('Renamed identity "dev" to "alice-keys"');
    expect((await reopen(session)).identities.map((i) => i.name)).toEqual(['alice-keys']);
    screen.unmount();
  });

  it('says why a name is refused, saves nothing, and Esc goes back', async () => {
    const session = await openTestVault({ dev: true });
    await actions.saveMnemonicIdentity(session, 'other', generateMnemonic(12));
    const screen = await openApp(session);
    await screen.pressUntil('Rename identity "other"', ARROW_DOWN, 'R');
    for (let i = 0; i < 5; i++) screen.type(BACKSPACE);
    screen.type('dev');
    await screen.waitFor('An identity named "dev" already exists');
    screen.type(ENTER);
    screen.type('!');
    await screen.waitFor('New name: dev!');
    await screen.pressUntil(/other\s+mnemonic/u, ESC);
    expect((await reopen(session)).identities.map((i) => i.name)).toEqual(['dev', 'other']);
    screen.unmount();
  });
});

describe('removing an identity', () => {
  it('says how many accounts go with it and removes it only when its name is typed', async () => {
    const session = await openTestVault({ dev: true });
    await actions.deriveAccount(session, { identity: 'dev', name: 'alice', type: 'sr25519', path: '//Alice' });
    await actions.deriveAccount(session, { identity: 'dev', name: 'bob', type: 'sr25519', path: '//Bob' });
    const screen = await openApp(session);
    const frame = await screen.pressUntil('Type "dev" to confirm', 'x');
    expect(prose(frame)).toContain('removes identity "dev" and, with it, its 2 accounts from the vault');
    expectFits(frame);

    screen.type('de');
    screen.type(ENTER);
    screen.type('x');
    await screen.waitFor('confirm: dex');
    expect(session.data.identities).toHaveLength(1);
    for (let i = 0; i < 3; i++) screen.type(BACKSPACE);
    screen.type('dev');
    await screen.waitFor('Enter confirms');
    await screen.pressUntil('No identities yet', ENTER);
    expect(screen.frame()).toContain('Removed identity "dev" and its 2 accounts');
    const data = await reopen(session);
    expect(data.identities).toHaveLength(0);
    expect(data.accounts).toHaveLength(0);
    screen.unmount();
  });

  it('Esc cancels and keeps everything', async () => {
    const session = await openTestVault({ dev: true });
    const screen = await openApp(session);
    const frame = await screen.pressUntil('Type "dev" to confirm', 'x');
    expect(frame).toContain('(it has no accounts)');
    await screen.pressUntil(/dev\s+mnemonic/u, ESC);
    expect((await reopen(session)).identities).toHaveLength(1);
    screen.unmount();
  });
});
