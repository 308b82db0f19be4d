/** Exporting a backup through the screens: real vault, real file, real scrypt. */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupContent, readBackup } from '../../../src/vault/backup.js';
import * as actions from '../../../src/vault/actions.js';
import { temporaryDir } from '../../helpers/files.js';
import { type Screen, expectFits } from '../../helpers/ink.js';
import { ARROW_DOWN, CTRL_S, CTRL_U, ENTER, ESC, TAB } from '../../helpers/keys.js';
import { content, waitForProse } from '../../helpers/shell.js';
import { TEST_PASSWORD, openTestVault } from '../../helpers/vault.js';
import { BACKUP_PASSWORD, bytes, openBackups, unwrapped, withAlice } from './helpers.js';

const mediaDir = () => temporaryDir('media');

/** From the Backups home: the export form with `target` typed as its destination. */
async function fillForm(screen: Screen, target: string, password = BACKUP_PASSWORD) {
  await screen.pressUntil('Write to:', ENTER);
  // Past What and Format, which keep the whole vault as an airlock backup.
  await screen.pressUntil('› Write to:', TAB, TAB);
  screen.type(CTRL_U);
  screen.type(target);
  await screen.waitFor(basename(target));
  await screen.press(TAB);
  await fillPasswords(screen, password);
}

/** With the cursor on Password: the password twice, then on to the last field. */
async function fillPasswords(screen: Screen, password: string) {
  screen.type(password);
  await screen.waitFor(`Password:     ${'•'.repeat(password.length)}`);
  await screen.press(TAB);
  screen.type(password);
  await screen.waitFor(/The two match|Not the same/u);
  // On to the receipt toggle, the last field.
  await screen.pressUntil('› Receipt file:', ENTER);
}

describe('exporting a backup', () => {
  it('writes the whole vault to the typed path, verified, and shows the receipt', async () => {
    const session = await withAlice(await openTestVault({ dev: true }));
    await actions.addAddress(session, {
      name: 'exchange',
      address: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty',
    });
    const screen = await openBackups(session);
    expect(screen.frame()).toContain('No removable drive is mounted now');
    expectFits(screen.frame());

    // The default destination is beside the vault, named by the time.
    const form = await screen.pressUntil('Write to:', ENTER);
    expect(form).toMatch(/Write to: +(\/|…).*\/airlock-backup-\d{8}-\d{6}\.json/u);
    expect(form).toContain('The whole vault: 1 identity, 1 account, 1 address.');
    expectFits(form);
    await screen.pressUntil('› Export a backup', ESC);

    const target = join(await mediaDir(), 'backup.json');
    await fillForm(screen, target);
    expect(screen.frame()).not.toContain(BACKUP_PASSWORD);
    const receipt = await screen.pressUntil('Backup written and verified', ENTER);
    await screen.waitFor('accounts:    1: alice');
    expectFits(screen.frame());

    const file = await readFile(target);
    const shown = unwrapped(screen.frame());
    // The checksum whole, in groups of eight: two lines of four at 80 columns, one line where it fits.
    const groups = createHash('sha256').update(file).digest('hex').match(/.{8}/gu)!;
    expect(content(receipt).split('\n')).toEqual(
      expect.arrayContaining([
        `sha256:      ${groups.slice(0, 4).join(' ')}`,
        `             ${groups.slice(4).join(' ')}`,
      ]),
    );
    expect(content(receipt)).toContain('Enter/Esc done · c show as a QR code');
    const wide = await screen.resize(120, 40);
    expectFits(wide, 120, 40);
    expect(content(wide)).toContain(`sha256:      ${groups.join(' ')}\n`);
    expect(shown).toContain(`file:        ${target}`);
    expect(content(receipt)).toContain('addresses:   1: exchange');
    const { content: read } = await readBackup(target, bytes(BACKUP_PASSWORD));
    expect(read).toEqual(backupContent(session.data));
    // No receipt file unless asked for.
    await expect(readFile(`${target}.receipt.txt`)).rejects.toMatchObject({ code: 'ENOENT' });

    await screen.pressUntil('› Export a backup', ENTER);
    screen.unmount();
  });

  it('saves the receipt beside the backup when the toggle is on', async () => {
    const session = await openTestVault({ dev: true });
    const screen = await openBackups(session);
    const target = join(await mediaDir(), 'with-receipt.json');
    await fillForm(screen, target);
    await screen.pressUntil('[x] also save', ' ');
    await screen.pressUntil('Backup written and verified', ENTER);
    const saved = await screen.waitFor('The receipt was also saved');
    const receipt = await readFile(`${target}.receipt.txt`, 'utf8');
    expect(receipt).toContain(
      createHash('sha256')
        .update(await readFile(target))
        .digest('hex'),
    );
    expect(unwrapped(saved)).toContain(`${target}.receipt.txt`);
    screen.unmount();
  });

  it('asks before replacing a file: no leaves it untouched, yes replaces it', async () => {
    const session = await openTestVault({ dev: true });
    const target = join(await mediaDir(), 'taken.json');
    await writeFile(target, 'an older file\n');
    const screen = await openBackups(session);
    await fillForm(screen, target);

    const asked = await screen.pressUntil('already exists', ENTER);
    expect(asked).toContain('Replace it with a new backup of this vault?');
    expectFits(asked);
    const kept = await screen.pressUntil('was left as it was', 'n');
    expect(kept).toContain('› Write to:');
    expect(await readFile(target, 'utf8')).toBe('an older file\n');

    // The passwords are still there: sending the form again asks again.
    await screen.pressUntil('already exists', CTRL_S);
    await screen.pressUntil('Backup written and verified', 'y');
    const { content: read } = await readBackup(target, bytes(BACKUP_PASSWORD));
    expect(read.identities.map((i) => i.name)).toEqual(['dev']);
    screen.unmount();
  });

  it('questions a backup password that is the vault password: no goes back to it, yes writes the backup', async () => {
    const session = await openTestVault({ dev: true });
    const target = join(await mediaDir(), 'same.json');
    const screen = await openBackups(session);
    await fillForm(screen, target, TEST_PASSWORD);
    const asked = await screen.pressUntil('The backup password is the vault password', ENTER);
    expect(asked).toContain('Write the backup with this password anyway?');
    expectFits(asked);
    const back = await screen.pressUntil("Choose a backup password unlike the vault's", 'n');
    expect(back).toContain('› Password:');
    expect(back).not.toContain('•');
    await expect(readFile(target)).rejects.toThrow(/ENOENT/);

    // Typed again and kept: the backup opens with it.
    await fillPasswords(screen, TEST_PASSWORD);
    await screen.pressUntil('The backup password is the vault password', ENTER);
    await screen.pressUntil('Backup written and verified', 'y');
    const { content: read } = await readBackup(target, bytes(TEST_PASSWORD));
    expect(read.identities.map((i) => i.name)).toEqual(['dev']);
    screen.unmount();
  });

  it('refuses a password under 6 characters and two that differ, writing nothing', async () => {
    const session = await openTestVault({ dev: true });
    const dir = await mediaDir();
    const target = join(dir, 'short.json');
    const screen = await openBackups(session);
    await fillForm(screen, target, 'abc');
    expect(screen.frame()).toContain('The backup password must be at least 6 characters long.');
    const refused = await screen.pressUntil('› Password:', ENTER);
    expect(refused).toContain('The backup password must be at least 6 characters long.');

    screen.type(CTRL_U);
    screen.type(BACKUP_PASSWORD);
    await screen.waitFor('A strong password.');
    await screen.press(ARROW_DOWN);
    screen.type(CTRL_U);
    screen.type('something else entirely');
    await screen.waitFor('Not the same as the password above');
    await screen.pressUntil('The two passwords differ', CTRL_S);
    await expect(readFile(target)).rejects.toMatchObject({ code: 'ENOENT' });
    await screen.pressUntil('› Export a backup', ESC);
    screen.unmount();
  });

  it('says why a backup cannot be written, and writes nothing', async () => {
    const session = await openTestVault({ dev: true });
    const target = join(await mediaDir(), 'not-there', 'backup.json');
    const screen = await openBackups(session);
    await fillForm(screen, target);
    screen.type(ENTER);
    const failed = await waitForProse(screen, 'the directory does not exist');
    expect(failed).toContain('› Password:');
    // The passwords were cleared with the attempt.
    expect(failed).not.toContain('•');
    expectFits(failed);
    await expect(readFile(target)).rejects.toMatchObject({ code: 'ENOENT' });
    screen.unmount();
  });
});
