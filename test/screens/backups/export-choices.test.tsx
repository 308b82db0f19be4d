/**
 * Exporting chosen accounts and polkadot.js files through the screens: real vault, real files,
 * real scrypt; every file read back with the same function the import uses.
 */
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as actions from '../../../src/vault/actions.js';
import type { Account } from '../../../src/vault/model.js';
import { openBackupFile } from '../../../src/vault/open-backup.js';
import type { VaultSession } from '../../../src/vault/store.js';
import { ALICE, BOB, CHARLIE } from '../../helpers/dev-keys.js';
import { temporaryDir } from '../../helpers/files.js';
import { type Screen, expectFits } from '../../helpers/ink.js';
import { ARROW_DOWN, ARROW_RIGHT, ARROW_UP, CTRL_S, CTRL_U, ENTER, ESC, PAGE_UP, TAB } from '../../helpers/keys.js';
import { content, prose, waitForProse } from '../../helpers/shell.js';
import { openTestVault } from '../../helpers/vault.js';
import { BACKUP_PASSWORD, bytes, openBackups, unwrapped } from './helpers.js';

const mediaDir = () => temporaryDir('media');

/** The dev identity with alice, bob and charlie derived from it. */
async function threeAccounts(): Promise<VaultSession> {
  const session = await openTestVault({ dev: true });
  for (const name of ['alice', 'bob', 'charlie']) {
    await actions.deriveAccount(session, {
      identity: 'dev',
      name,
      type: 'sr25519',
      path: `//${name[0]!.toUpperCase()}${name.slice(1)}`,
    });
  }
  return session;
}

/** From What on the form: chosen accounts, the picker, the rows at `rows` marked; back on Format. */
async function chooseAccounts(screen: Screen, rows: number[]) {
  await screen.pressUntil('‹ chosen accounts: 0 marked ›', ARROW_RIGHT);
  await screen.pressUntil('0 of 3 marked', ENTER);
  let cursor = 0;
  for (const [i, row] of rows.entries()) {
    for (; cursor < row; cursor++) await screen.press(ARROW_DOWN);
    await screen.pressUntil(`${i + 1} of 3 marked`, ' ');
  }
  await screen.pressUntil('› Format:', ENTER);
}

/** From Format: `steps` → presses on it, then the destination, the password twice, and Enter on the receipt toggle. */
async function writeAs(screen: Screen, steps: number, target: string): Promise<string> {
  for (let i = 0; i < steps; i++) await screen.press(ARROW_RIGHT);
  await screen.pressUntil('› Write to:', TAB);
  screen.type(CTRL_U);
  screen.type(target);
  await screen.press(TAB);
  screen.type(BACKUP_PASSWORD);
  await screen.press(TAB);
  screen.type(BACKUP_PASSWORD);
  await screen.waitFor('The two match.');
  return screen.pressUntil('› Receipt file:', ENTER);
}

const publicKeysIn = async (file: string) => {
  const opened = await openBackupFile(file, bytes(BACKUP_PASSWORD));
  return { format: opened.format, keys: opened.content.accounts.map((a) => a.publicKey), locked: opened.locked.length };
};

describe('exporting chosen accounts, in each format', () => {
  it('an airlock backup of two chosen accounts, with the identity they come from', async () => {
    const session = await threeAccounts();
    const screen = await openBackups(session);
    const form = await screen.pressUntil('› What:', ENTER);
    expect(form).toContain('The whole vault: 1 identity, 3 accounts, 0 addresses.');
    expectFits(form);
    await chooseAccounts(screen, [0, 2]);
    expect(prose(screen.frame())).toContain(
      '2 accounts (alice, charlie) and the 1 identity they come from, secrets included; no address book.',
    );

    const target = join(await mediaDir(), 'two.json');
    await writeAs(screen, 0, target);
    const receipt = await screen.pressUntil('Backup written and verified', ENTER);
    expect(unwrapped(receipt)).toContain('format:      airlock backup');
    expect(content(receipt)).toContain('accounts:    2: alice, charlie');
    expect(await publicKeysIn(target)).toEqual({
      format: 'airlock',
      keys: [ALICE.publicKey, CHARLIE.publicKey],
      locked: 0,
    });
    screen.unmount();
  });

  it('a polkadot.js account file of the one account chosen', async () => {
    const session = await threeAccounts();
    const screen = await openBackups(session);
    await screen.pressUntil('› What:', ENTER);
    await chooseAccounts(screen, [1]);
    await screen.pressUntil('‹ polkadot.js account file ›', ARROW_RIGHT);
    expect(prose(screen.frame())).toContain('A polkadot.js account file of 1 account (bob).');

    const target = join(await mediaDir(), 'bob.json');
    await writeAs(screen, 0, target);
    const receipt = await screen.pressUntil('Backup written and verified', ENTER);
    expect(unwrapped(receipt)).toContain('format:      polkadot.js account file');
    expect(await publicKeysIn(target)).toEqual({ format: 'polkadot-js', keys: [BOB.publicKey], locked: 0 });
    screen.unmount();
  });

  it('a polkadot.js "export all accounts" file of the whole vault', async () => {
    const session = await threeAccounts();
    const screen = await openBackups(session);
    await screen.pressUntil('› What:', ENTER);
    await screen.pressUntil('› Format:', TAB);
    const target = join(await mediaDir(), 'all.json');
    const filled = await writeAs(screen, 2, target);
    expect(prose(filled)).toContain('A polkadot.js "export all accounts" file of 3 accounts (alice, bob, charlie).');
    expect(filled).toContain('polkadot.js "export all accounts" file');
    const receipt = await screen.pressUntil('Backup written and verified', ENTER);
    expect(unwrapped(receipt)).toContain('format:      polkadot.js "export all accounts" file');
    expect(await publicKeysIn(target)).toEqual({
      format: 'polkadot-js-batch',
      keys: [ALICE.publicKey, BOB.publicKey, CHARLIE.publicKey],
      locked: 0,
    });
    screen.unmount();
  });

  it('refuses a polkadot.js account file of two accounts at What, and writes nothing', async () => {
    const session = await threeAccounts();
    const screen = await openBackups(session);
    await screen.pressUntil('› What:', ENTER);
    await chooseAccounts(screen, [0, 1]);
    await screen.pressUntil('‹ polkadot.js account file ›', ARROW_RIGHT);
    expect(prose(screen.frame())).toContain('Cannot write: a polkadot.js account file holds one account.');

    const dir = await mediaDir();
    await writeAs(screen, 0, join(dir, 'two.json'));
    screen.type(ENTER);
    const refused = await waitForProse(
      screen,
      'A polkadot.js account file holds one account. Mark one account under What, or choose "export all accounts".',
    );
    expect(refused).toContain('› What:');
    expectFits(refused);
    expect(await readdir(dir)).toEqual([]);

    // The passwords stay: another format answers the refusal, and Ctrl-S sends the form again.
    await screen.pressUntil('› Format:', TAB);
    const answered = await screen.press(ARROW_RIGHT);
    expect(prose(answered)).not.toContain('holds one account');
    await screen.pressUntil('Backup written and verified', CTRL_S);
    expect(await publicKeysIn(join(dir, 'two.json'))).toEqual({
      format: 'polkadot-js-batch',
      keys: [ALICE.publicKey, BOB.publicKey],
      locked: 0,
    });
    screen.unmount();
  });
});

/**
 * Synthetic sr25519 accounts with random keys, written in one change: watch-only accounts of an
 * imported identity, which hold public keys only, so that a backup of them is sound to read back.
 */
async function withManyAccounts(count: number): Promise<VaultSession> {
  const session = await openTestVault({ dev: true });
  await session.update((data) => {
    const createdAt = new Date().toISOString();
    const watched = { id: 'eeeeeeeeeeeeeeee', name: 'watched', kind: 'imported' as const, keys: [], createdAt };
    const identity = watched.id;
    const accounts: Account[] = Array.from({ length: count }, (_, i) => ({
      name: `account-${i}`,
      identity,
      type: 'sr25519',
      path: '',
      publicKey: `0x${randomBytes(32).toString('hex')}`,
      network: 'substrate',
      createdAt,
    }));
    return { data: { ...data, identities: [...data.identities, watched], accounts }, result: undefined };
  });
  return session;
}

describe('the account picker', () => {
  it('marks and unmarks with Space, scrolls through 5,000 accounts, and exports the marked ones', async () => {
    const session = await withManyAccounts(5_000);
    const screen = await openBackups(session);
    await screen.pressUntil('› What:', ENTER);
    await screen.pressUntil('‹ chosen accounts: 0 marked ›', ' ');
    const picker = await screen.pressUntil('0 of 5,000 marked', ENTER);
    expect(picker).toMatch(/› \[ \] account-0 +5\w+…\w+/u);
    expect(picker).toContain('1/5,000');
    expectFits(picker);

    await screen.pressUntil('1 of 5,000 marked', ' ');
    expect(screen.frame()).toContain('› [x] account-0');
    await screen.pressUntil('0 of 5,000 marked', ' ');
    expect(screen.frame()).toContain('› [ ] account-0');
    await screen.pressUntil('1 of 5,000 marked', ' ');

    const last = await screen.pressUntil('5,000/5,000', 'G');
    expect(last).toContain('› [ ] account-4999');
    expect(last).not.toContain('account-0 ');
    await screen.pressUntil('2 of 5,000 marked', ' ');
    const up = await screen.pressUntil('› [ ] account-4998', ARROW_UP);
    expect(up).toContain('  [x] account-4999');
    const paged = await screen.pressUntil('4,983/5,000', PAGE_UP);
    expect(paged).toContain('› [ ] account-4982');
    expectFits(paged);

    // Esc returns to What, the marks kept.
    const back = await screen.pressUntil('› What:', ESC);
    expect(back).toContain('chosen accounts: 2 marked');
    expect(prose(back)).toContain('2 accounts (account-0, account-4999) and the 1 identity they come from');
    const target = join(await mediaDir(), 'marked.json');
    await screen.pressUntil('› Format:', TAB);
    await writeAs(screen, 0, target);
    await screen.pressUntil('Backup written and verified', ENTER);
    const opened = await openBackupFile(target, bytes(BACKUP_PASSWORD));
    expect(opened.content.accounts.map((a) => a.name)).toEqual(['account-0', 'account-4999']);
    expect(opened.content.accounts.map((a) => a.publicKey)).toEqual([
      session.data.accounts[0]!.publicKey,
      session.data.accounts[4_999]!.publicKey,
    ]);
    screen.unmount();
  });
});
