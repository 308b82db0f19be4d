/** Importing and verifying a backup through the screens: a real backup of another vault, merged into this one. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as actions from '../../../src/vault/actions.js';
import { backupContent, writeBackup } from '../../../src/vault/backup.js';
import { VaultSession } from '../../../src/vault/store.js';
import { type Screen, expectFits } from '../../helpers/ink.js';
import { ARROW_DOWN, CTRL_U, ENTER, ESC, TAB } from '../../helpers/keys.js';
import { content, prose, waitForProse } from '../../helpers/shell.js';
import { TEST_PASSWORD, openTestVault } from '../../helpers/vault.js';
import { BACKUP_PASSWORD, bytes, openBackups, withAlice } from './helpers.js';

const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const CHARLIE = '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y';

let media = '';
let backup = '';
beforeAll(async () => {
  // Another vault: the same dev words and alice, plus bob and an address book entry.
  const other = await withAlice(await openTestVault({ dev: true }));
  await actions.deriveAccount(other, { identity: 'dev', name: 'bob', type: 'sr25519', path: '//Bob' });
  await actions.addAddress(other, { name: 'exchange', address: BOB });
  media = await mkdtemp(join(tmpdir(), 'airlock-media-'));
  backup = join(media, 'airlock-backup-20250102-030405.json');
  await writeBackup(backup, backupContent(other.data), bytes(BACKUP_PASSWORD));
  other.close();
});
afterAll(() => rm(media, { recursive: true, force: true }));

/** This vault: dev and alice as in the backup, and another address already named "exchange". */
async function thisVault(): Promise<VaultSession> {
  const session = await withAlice(await openTestVault({ dev: true }));
  await actions.addAddress(session, { name: 'exchange', address: CHARLIE });
  return session;
}

/** From the Backups home: the menu entry, the backup's path typed, its password; the preview. */
async function openBackup(screen: Screen, entry: 'Import' | 'Verify', password = BACKUP_PASSWORD): Promise<string> {
  await screen.pressUntil(`› ${entry} a backup`, ...(entry === 'Import' ? [ARROW_DOWN] : [ARROW_DOWN, ARROW_DOWN]));
  await screen.pressUntil('File:', ENTER);
  screen.type(CTRL_U);
  screen.type(backup);
  await screen.waitFor('030405.json');
  await screen.pressUntil('› Password:', ENTER);
  screen.type(password);
  await screen.waitFor(`Password:  ${'•'.repeat(password.length)}`);
  return screen.pressUntil(/KIND|Nothing was changed\./u, ENTER);
}

const PREVIEW = [
  'identity dev       skip: already in the vault as "dev"',
  'account  alice     skip: already in the vault as "alice"',
  'account  bob       add',
  'address  exchange  add as "exchange (2)"',
];

describe('importing a backup', () => {
  it('previews every entry, and adds the new ones when confirmed', async () => {
    const session = await thisVault();
    const screen = await openBackups(session);
    const preview = await openBackup(screen, 'Import');
    for (const row of PREVIEW) expect(content(preview)).toContain(row);
    expect(prose(preview)).toContain('The backup decrypts and holds 4 entries: 2 to add, 2 already in this vault.');
    expectFits(preview);

    const done = await screen.pressUntil('Imported 1 account and 1 address', 'y');
    expect(prose(done)).toContain(
      'Imported 1 account and 1 address (1 under another name); skipped 1 identity and 1 account (already in the vault).',
    );
    expectFits(done);
    expect(session.data.accounts.map((a) => a.name)).toEqual(['alice', 'bob']);
    expect(session.data.addresses.map((a) => [a.name, a.address])).toEqual([
      ['exchange', CHARLIE],
      ['exchange (2)', BOB],
    ]);
    const reopened = await VaultSession.unlock(session.path, bytes(TEST_PASSWORD));
    expect(reopened.data.accounts.map((a) => a.name)).toEqual(['alice', 'bob']);
    expect(reopened.data.addresses.map((a) => a.name)).toEqual(['exchange', 'exchange (2)']);
    reopened.close();
    await screen.pressUntil('› Import a backup', ENTER);
    screen.unmount();
  });

  it('changes nothing when the import is declined', async () => {
    const session = await thisVault();
    const before = await readFile(session.path);
    const screen = await openBackups(session);
    await openBackup(screen, 'Import');
    await screen.pressUntil('Nothing was imported.', 'n');
    expect(screen.frame()).toContain('› Import a backup');
    expect((await readFile(session.path)).equals(before)).toBe(true);
    expect(session.data.accounts.map((a) => a.name)).toEqual(['alice']);
    screen.unmount();
  });

  it('verifies a backup without touching the vault', async () => {
    const session = await thisVault();
    const before = await readFile(session.path);
    const screen = await openBackups(session);
    const verified = await openBackup(screen, 'Verify');
    expect(prose(verified)).toContain('The backup decrypts and holds 4 entries; nothing was changed.');
    for (const row of PREVIEW) expect(content(verified)).toContain(row);
    expectFits(verified);
    // y means nothing here: only Enter or Esc leave.
    screen.type('y');
    await screen.pressUntil('› Verify a backup', ENTER);
    expect((await readFile(session.path)).equals(before)).toBe(true);
    screen.unmount();
  });

  it('says a password is wrong, and lets the user try again', async () => {
    const session = await thisVault();
    const before = await readFile(session.path);
    const screen = await openBackups(session);
    const refused = await openBackup(screen, 'Import', 'not the password');
    expect(prose(refused)).toMatch(/Wrong password for backup .*030405\.json\. Nothing was changed\./u);
    expect(refused).toContain('› Password:');
    expectFits(refused);
    expect((await readFile(session.path)).equals(before)).toBe(true);
    // Esc goes back to the file, a second Esc to the menu.
    await screen.pressUntil('› File:', ESC);
    await screen.pressUntil('› Import a backup', ESC);
    screen.unmount();
  });

  it('says a damaged file is damaged, without asking scrypt', async () => {
    const session = await thisVault();
    const damaged = join(media, 'damaged.json');
    await writeFile(damaged, (await readFile(backup, 'utf8')).slice(0, 200));
    const screen = await openBackups(session);
    await screen.pressUntil('› Import a backup', ARROW_DOWN);
    await screen.pressUntil('File:', ENTER);
    screen.type(CTRL_U);
    screen.type(damaged);
    await screen.waitFor('damaged.json');
    await screen.pressUntil('› Password:', ENTER);
    screen.type('anything');
    screen.type(ENTER);
    const refused = await waitForProse(screen, 'Nothing was changed.');
    expect(prose(refused)).toContain('damaged.json is damaged: it is not complete JSON');
    // It is the file that is wrong, not the password: back to the file.
    expect(refused).toContain('› File:');
    expectFits(refused);
    screen.unmount();
  });

  it('lists the .json files of the typed directory, completes with Tab, and picks with ↓ and Enter', async () => {
    const session = await thisVault();
    await writeFile(join(media, 'notes.txt'), 'not a backup');
    const screen = await openBackups(session);
    await screen.pressUntil('› Import a backup', ARROW_DOWN);
    await screen.pressUntil('File:', ENTER);
    screen.type(CTRL_U);
    screen.type(`${media}/`);
    const listed = await screen.waitFor('airlock-backup-20250102-030405.json');
    expect(listed).not.toContain('notes.txt');
    expectFits(listed);

    screen.type('air');
    await screen.pressUntil('030405.json', TAB);
    await screen.pressUntil('› Password:', ENTER);
    await screen.pressUntil('› File:', ESC);

    screen.type(CTRL_U);
    screen.type(`${media}/`);
    await screen.waitFor('  airlock-backup-20250102-030405.json');
    await screen.pressUntil('› airlock-backup-20250102-030405.json', ARROW_DOWN);
    const picked = await screen.pressUntil('› Password:', ENTER);
    expect(picked).toContain('030405.json');
    screen.unmount();
  });
});
