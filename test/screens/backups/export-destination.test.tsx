/** The export's "Write to": where it starts, Tab completion, and the places ←/→ offers. Real files, real scrypt. */
import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDir } from '../../helpers/files.js';
import { type Screen, expectFits } from '../../helpers/ink.js';
import { ARROW_LEFT, ARROW_RIGHT, CTRL_U, ENTER, ESC, TAB } from '../../helpers/keys.js';
import { openTestVault } from '../../helpers/vault.js';
import { BACKUP_PASSWORD, openBackups } from './helpers.js';

/** From the Backups home: the export form, on Write to. */
async function onWriteTo(screen: Screen): Promise<string> {
  await screen.pressUntil('Write to:', ENTER);
  return screen.pressUntil('› Write to:', TAB, TAB);
}

/** On Write to: the passwords, then Enter on the last field, and back home from the receipt. */
async function writeFromHere(screen: Screen) {
  await screen.pressUntil('› Password:', ENTER);
  screen.type(BACKUP_PASSWORD);
  await screen.pressUntil('› Repeat it:', TAB);
  screen.type(BACKUP_PASSWORD);
  await screen.waitFor('The two match');
  await screen.pressUntil('› Receipt file:', ENTER);
  screen.type(ENTER);
  // scrypt twice, the write and the read back: slow on a loaded machine.
  await screen.waitFor('Backup written and verified', 60_000);
  await screen.pressUntil('› Export a backup', ENTER);
}

describe("the export's destination", () => {
  it('starts the next export in the folder last written to, for as long as the vault is open', async () => {
    const session = await openTestVault({ dev: true });
    const stick = join(await temporaryDir('media'), 'stick');
    await mkdir(stick);
    const screen = await openBackups(session);
    await onWriteTo(screen);
    screen.type(CTRL_U);
    screen.type(join(stick, 'first.json'));
    await screen.waitFor('first.json');
    await writeFromHere(screen);
    await readFile(join(stick, 'first.json'));

    const again = await onWriteTo(screen);
    expect(again).toMatch(/Write to: .*\/stick\/airlock-backup-\d{8}-\d{6}\.json/u);
    expect(again).toContain('1 of 2: written to last');
    // ←/→ go to the other places, keeping the file's name, and come round again.
    const beside = await screen.pressUntil('2 of 2: beside the vault', ARROW_RIGHT);
    // The field shows the end of a long path.
    expect(beside).toContain(`${basename(dirname(session.path)).slice(-8)}/airlock-backup-`);
    await screen.pressUntil('1 of 2: written to last', ARROW_LEFT);
    expectFits(screen.frame());
    await screen.pressUntil('› Export a backup', ESC);
    screen.unmount();
  });

  it('completes the path with Tab as the import does, and Tab with nothing to complete goes on', async () => {
    const media = await temporaryDir('media');
    await mkdir(join(media, 'sticks', 'usb-one'), { recursive: true });
    const screen = await openBackups(await openTestVault({ dev: true }));
    const form = await onWriteTo(screen);
    expect(form).toMatch(/1 of 1: beside the vault\n.*Tab (completes|next field)/u);
    screen.type(CTRL_U);
    screen.type(join(media, 'sti'));
    await screen.waitFor('Tab completes: sticks/');
    await screen.pressUntil(/\/sticks\/\s*$/mu, TAB);
    await screen.waitFor('Tab completes: usb-one/');
    await screen.pressUntil(/\/sticks\/usb-one\/\s*$/mu, TAB);
    screen.type('new.json');
    await screen.waitFor('Tab next field (nothing to complete)');
    await screen.pressUntil('› Password:', TAB);
    screen.type(ESC);
    await screen.waitFor('› Export a backup');
    screen.unmount();
  });
});
