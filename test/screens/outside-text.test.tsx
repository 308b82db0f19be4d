/**
 * The full-screen app shows what came from outside (a QR code's text and name, the names in a
 * backup, a key file's address in a refusal) escaped: Ink writes a Text's content raw, and a
 * control character in it would act on the terminal and break the frame.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, CHARLIE } from '../helpers/dev-keys.js';
import { type Screen, withoutColours } from '../helpers/ink.js';
import { ARROW_DOWN, CTRL_U, ENTER } from '../helpers/keys.js';
import {
  HOSTILE,
  HOSTILE_CLEANED,
  HOSTILE_SHOWN,
  RAW,
  hostileContent,
  hostileKeyFile,
  sealBackup,
} from '../helpers/outside-text.js';
import { content, prose } from '../helpers/shell.js';
import { openTestVault } from '../helpers/vault.js';
import { BACKUP_PASSWORD, openBackups } from './backups/helpers.js';
import { POLKADOT_GENESIS, openQr } from './qr/helpers.js';

/** Without spaces and line ends: for a message wrapped where it had none. */
const squeezed = (text: string) => text.replace(/\s+/gu, '');

/** Fails if the frame as the terminal gets it holds a control or bidi character other than Ink's colours and line ends. */
function expectNoRawControls(screen: Screen): void {
  const written = withoutColours(screen.colouredFrame());
  expect(written, JSON.stringify(written)).not.toMatch(RAW);
}

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'airlock-outside-text-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A folder holding one picture of a QR code of `text`. */
async function codeFolder(name: string, text: string): Promise<string> {
  const folder = join(root, name);
  await mkdir(folder);
  await QRCode.toFile(join(folder, 'code.png'), [{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: 'L',
    scale: 4,
  });
  return folder;
}

/** From the QR home: Read QR pictures, the folder typed, Enter; what was found. */
async function readFolder(screen: Screen, folder: string): Promise<string> {
  await screen.pressUntil('› Read QR pictures', ARROW_DOWN, ARROW_DOWN);
  await screen.pressUntil('Pictures:', ENTER);
  screen.type(CTRL_U);
  screen.type(folder);
  await screen.waitFor(folder.slice(-12));
  screen.type(ENTER);
  return screen.waitFor('✓ Read 1 picture', 20_000);
}

/** From the Backups home: Verify a backup, its path and password typed; the preview or the refusal. */
async function verify(screen: Screen, path: string): Promise<string> {
  await screen.pressUntil('› Verify a backup', ARROW_DOWN, ARROW_DOWN);
  await screen.pressUntil('File:', ENTER);
  screen.type(CTRL_U);
  screen.type(path);
  await screen.waitFor(path.slice(-12));
  await screen.pressUntil('› Password:', ENTER);
  screen.type(BACKUP_PASSWORD);
  await screen.waitFor(`Password:  ${'•'.repeat(BACKUP_PASSWORD.length)}`);
  // The verdict may wrap: words apart across the frame's border.
  return screen.pressUntil(/KIND|Nothing(?:\s|│)+was(?:\s|│)+changed\./u, ENTER);
}

describe('the QR read screen', () => {
  it("shows a code's text escaped", async () => {
    const screen = await openQr(await openTestVault());
    const found = await readFolder(screen, await codeFolder('text', `hello${HOSTILE}`));
    expectNoRawControls(screen);
    expect(prose(found)).toContain(`"hello${HOSTILE_SHOWN}"`);
    screen.unmount();
  });

  it("shows an address code's name escaped, and the name the address book would keep", async () => {
    const screen = await openQr(await openTestVault());
    const found = await readFolder(
      screen,
      await codeFolder('address', `substrate:${ALICE.polkadot}:${POLKADOT_GENESIS}:alice${HOSTILE}`),
    );
    expectNoRawControls(screen);
    expect(prose(found)).toContain(`Name: alice${HOSTILE_SHOWN}`);
    expect(prose(found)).toContain(`(the address book would keep it as "alice${HOSTILE_CLEANED}")`);
    const form = await screen.pressUntil('Add an address', ENTER);
    expect(form).toContain(`alice${HOSTILE_CLEANED}`);
    screen.unmount();
  });
});

describe('the import preview', () => {
  it('refuses a backup whose names hold control characters, with the name escaped', async () => {
    const backup = await sealBackup(
      join(root, 'backup.json'),
      await hostileContent(CHARLIE.substrate),
      BACKUP_PASSWORD,
    );
    const screen = await openBackups(await openTestVault());
    const refused = await verify(screen, backup);
    expectNoRawControls(screen);
    expect(squeezed(content(refused))).toContain(squeezed(`identity "dev${HOSTILE_SHOWN.slice(0, 30)}`));
    expect(squeezed(content(refused))).toContain(squeezed('Nothing was changed.'));
    screen.unmount();
  });

  it("says a key file's address is wrong with the address escaped", async () => {
    const file = await hostileKeyFile(join(root, 'alice.json'), BACKUP_PASSWORD);
    const screen = await openBackups(await openTestVault());
    const refused = await verify(screen, file);
    expectNoRawControls(screen);
    expect(squeezed(content(refused))).toContain(
      squeezed(`its address ${ALICE.substrate}${HOSTILE_SHOWN} does not belong to the key inside it`),
    );
    screen.unmount();
  });
});
