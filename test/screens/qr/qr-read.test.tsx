/**
 * Reading pictures of QR codes through the screens: real PNG frames made as airlock draws
 * them, decoded in worker threads; a backup saved and imported, an address added to the book.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameSequence } from '../../../src/qr/frames.js';
import * as actions from '../../../src/vault/actions.js';
import { backupContent, writeBackup } from '../../../src/vault/backup.js';
import fixture from '../../fixtures/polkadot-js/keyring-spec.json' with { type: 'json' };
import { BOB } from '../../helpers/dev-keys.js';
import { type Screen, expectFits } from '../../helpers/ink.js';
import { ARROW_DOWN, CTRL_S, CTRL_U, ENTER, ESC } from '../../helpers/keys.js';
import { pseudoRandomBytes } from '../../helpers/qr-frames.js';
import { prose } from '../../helpers/shell.js';
import { openTestVault } from '../../helpers/vault.js';
import { POLKADOT_GENESIS, openQr } from './helpers.js';

const BACKUP_PASSWORD = 'correct horse battery staple 42';

let root = '';
let backup = new Uint8Array();
const folders = { backup: '', incomplete: '', blank: '', address: '', text: '', stray: '', two: '', keyFile: '' };
const KEY_FILE = fixture.files[3]!; // version 3, base64, sr25519: "version3" on Kusama
let video = '';

/** Frames of `payload` as PNG pictures, named so that a folder lists them in `order`. */
async function framePictures(payload: Uint8Array, count: number, dir: string, order: (i: number) => number = (i) => i) {
  await mkdir(dir, { recursive: true });
  const sequence = new FrameSequence(payload, 300);
  for (let i = 0; i < count; i++) {
    const name = `frame-${String(order(i)).padStart(3, '0')}.png`;
    await QRCode.toFile(join(dir, name), [{ data: sequence.next().text, mode: 'alphanumeric' }], {
      errorCorrectionLevel: 'L',
      scale: 2,
    });
  }
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'airlock-qr-read-'));
  // Another vault's backup: the dev words, alice and bob.
  const other = await openTestVault({ dev: true });
  await actions.deriveAccount(other, { identity: 'dev', name: 'alice', type: 'sr25519', path: '//Alice' });
  await actions.deriveAccount(other, { identity: 'dev', name: 'bob', type: 'sr25519', path: '//Bob' });
  const file = join(root, 'backup.json');
  await writeBackup(file, backupContent(other.data), new TextEncoder().encode(BACKUP_PASSWORD));
  other.close();
  backup = new Uint8Array(await readFile(file));

  folders.backup = join(root, 'backup-frames');
  const parts = Math.ceil(backup.length / 300);
  // Twice the parts, listed last first: the order frames are read in does not matter.
  await framePictures(backup, parts * 2, folders.backup, (i) => parts * 2 - i);
  // The same frames as a phone's video of them, read through ffmpeg.
  video = join(root, 'backup-frames.mp4');
  const frames = ['-pattern_type', 'glob', '-framerate', '8', '-i', join(folders.backup, 'frame-*.png')];
  await promisify(execFile)('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    ...frames,
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    video,
  ]);
  // The backup's frames with an address photographed by mistake among them, named to be read first.
  folders.stray = join(root, 'stray');
  await framePictures(backup, parts * 2, folders.stray);
  await QRCode.toFile(join(folders.stray, 'a-stray.png'), `substrate:${BOB.polkadot}:${POLKADOT_GENESIS}:bob`);
  // The backup's frames and all of another transfer's.
  folders.two = join(root, 'two');
  await framePictures(backup, parts * 2, folders.two);
  await framePictures(pseudoRandomBytes(1500, 6), 12, join(folders.two, 'other'));
  for (const name of await readdir(join(folders.two, 'other')))
    await copyFile(join(folders.two, 'other', name), join(folders.two, `other-${name}`));
  await rm(join(folders.two, 'other'), { recursive: true });
  // A polkadot.js account file, as frames.
  folders.keyFile = join(root, 'key-file');
  await framePictures(new TextEncoder().encode(JSON.stringify(KEY_FILE.json)), 6, folders.keyFile);
  folders.incomplete = join(root, 'incomplete');
  await framePictures(pseudoRandomBytes(3000, 4), 7, folders.incomplete); // 7 of 11 fragments

  folders.address = join(root, 'address');
  await mkdir(folders.address);
  await QRCode.toFile(join(folders.address, 'bob.png'), `substrate:${BOB.polkadot}:${POLKADOT_GENESIS}:bob`);
  folders.text = join(root, 'text');
  await mkdir(folders.text);
  await QRCode.toFile(join(folders.text, 'note.png'), 'hello from the other side');

  // Pictures without a code: slow enough to be stopped while they are read.
  folders.blank = join(root, 'blank');
  await mkdir(folders.blank);
  const png = new PNG({ width: 900, height: 900 });
  png.data.fill(255);
  const first = join(folders.blank, 'blank-000.png');
  await writeFile(first, PNG.sync.write(png));
  for (let i = 1; i < 200; i++) await copyFile(first, join(folders.blank, `blank-${String(i).padStart(3, '0')}.png`));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** From the QR home: Read QR pictures, the path typed, Enter. */
async function readPictures(screen: Screen, path: string): Promise<void> {
  await screen.pressUntil('› Read QR pictures', ARROW_DOWN, ARROW_DOWN);
  await screen.pressUntil('Pictures:', ENTER);
  screen.type(CTRL_U);
  screen.type(path);
  await screen.waitFor(path.slice(-12));
  screen.type(ENTER);
}

describe('reading pictures of QR codes', () => {
  it('puts a backup together from a folder of frames, saves it where asked, and opens the import on it', async () => {
    const session = await openTestVault({ dev: true });
    const screen = await openQr(session);
    await readPictures(screen, folders.backup);
    const frames = await screen.framesUntil('An airlock backup', 20_000);
    const reading = frames.filter((f) => f.includes('Reading'));
    expect(reading.length).toBeGreaterThan(0);
    expect(reading.at(-1)).toMatch(/\d+ pictures?, \d+ frames?, \d+% complete/u);
    const found = frames.at(-1)!;
    expect(found).toMatch(/✓ \d+ pictures, \d+ frames, 100% complete/u);
    expect(prose(found)).toContain('encrypted with its own password');
    // No removable drive here: next to the pictures, named as an export names a backup.
    expect(prose(found)).toMatch(/Save to: .*\/airlock-backup-\d{8}-\d{6}\.json/u);
    expectFits(found);

    // An existing file is not replaced.
    const taken = join(root, 'backup.json');
    screen.type(CTRL_U);
    screen.type(taken);
    await screen.waitFor('backup.json');
    const refused = await screen.pressUntil('already exists', ENTER);
    expect(prose(refused)).toContain(`${taken} already exists; type another name.`);
    const target = join(root, 'received', 'from-qr.json');
    await mkdir(join(root, 'received'));
    screen.type(CTRL_U);
    screen.type(target);
    await screen.waitFor('from-qr.json');
    const saved = await screen.pressUntil('✓ Saved to', ENTER);
    expect(prose(saved)).toContain('Enter imports it now');
    expect(Buffer.from(await readFile(target)).equals(Buffer.from(backup))).toBe(true);
    expect((await stat(target)).mode & 0o777).toBe(0o600);

    const importing = await screen.pressUntil('Import a backup', ENTER);
    expect(importing).toContain('› Password:');
    expect(prose(importing)).toContain('from-qr.json');
    screen.type(BACKUP_PASSWORD);
    const preview = await screen.pressUntil(/account +bob +add/u, ENTER);
    expect(preview).toMatch(/account +alice +add/u);
    await screen.pressUntil('Imported', 'y');
    expect(session.data.accounts.map((a) => a.name).sort()).toEqual(['alice', 'bob']);
    // Back from the import: the pictures' path is still there.
    const again = await screen.pressUntil('Pictures:', ESC);
    expect(prose(again)).toContain('backup-frames');
    screen.unmount();
  });

  it('reads a video of the frames through ffmpeg, offering to save the backup beside it', async () => {
    const screen = await openQr(await openTestVault());
    await readPictures(screen, video);
    const found = await screen.waitFor('An airlock backup', 30_000);
    expect(found).toMatch(/✓ \d+ pictures, \d+ frames, 100% complete/u);
    // Beside the video (the path is shortened from the left to fit).
    expect(prose(found)).toMatch(new RegExp(`Save to: \\S*${root.slice(-6)}/airlock-backup-\\d{8}-\\d{6}\\.json`, 'u'));
    const target = join(root, 'from-video.json');
    screen.type(CTRL_U);
    screen.type(target);
    await screen.waitFor('from-video.json');
    await screen.pressUntil('✓ Saved to', ENTER);
    expect(Buffer.from(await readFile(target)).equals(Buffer.from(backup))).toBe(true);
    screen.unmount();
  });

  it('offers an address for the address book, in a form filled in from the code', async () => {
    const session = await openTestVault();
    const screen = await openQr(session);
    await readPictures(screen, join(folders.address, 'bob.png'));
    const found = await screen.waitFor('A substrate: address');
    expect(found).toContain(`Address: ${BOB.polkadot}`);
    expect(found).toContain('Network: Polkadot Relay Chain (polkadot)');
    expect(found).toContain('Name:    bob');
    expect(found).toContain('✓ Read 1 picture');
    const form = await screen.pressUntil('Add an address', ENTER);
    expect(form).toMatch(/Name: +bob/u);
    expect(form).toContain(BOB.polkadot);
    expect(form).toMatch(/Network: +polkadot/u);
    expect(form).toContain('✓ will be saved for polkadot');
    await screen.pressUntil('Pictures:', CTRL_S);
    await screen.waitFor('Saved "bob" (polkadot) in the address book');
    expect(session.data.addresses).toEqual([
      expect.objectContaining({ name: 'bob', address: BOB.polkadot, network: 'polkadot' }),
    ]);
    screen.unmount();
  });

  it('says how much an incomplete set lacks, and keeps nothing', async () => {
    const screen = await openQr(await openTestVault());
    await readPictures(screen, folders.incomplete);
    const said = await screen.waitFor('The transfer is incomplete');
    expect(prose(said)).toContain(
      'The transfer is incomplete: 63% complete, about 4 more frames needed; capture more frames of the animated code',
    );
    expect(said).toContain('Last read: 7 pictures, 7 frames, 63% complete');
    expect(said).toContain('› Pictures:');
    expectFits(said);
    screen.unmount();
  });

  it('stops reading with Esc, and says that nothing was kept', async () => {
    const screen = await openQr(await openTestVault());
    await readPictures(screen, folders.blank);
    await screen.waitFor('Esc stops reading');
    const stopped = await screen.pressUntil('Stopped', ESC);
    expect(stopped).toContain('Stopped: nothing read was kept.');
    expect(stopped).toContain('› Pictures:');
    expect(stopped).not.toContain('no QR code found');
    screen.unmount();
  });

  it('says what any other code holds, and saves it', async () => {
    const screen = await openQr(await openTestVault());
    await readPictures(screen, folders.text);
    const found = await screen.waitFor('characters of text');
    expect(prose(found)).toContain(
      'A QR code with 25 characters of text that is no address: "hello from the other side"',
    );
    const target = join(root, 'note.txt');
    screen.type(CTRL_U);
    screen.type(target);
    await screen.waitFor('note.txt');
    const saved = await screen.pressUntil('✓ Saved to', ENTER);
    expect(prose(saved)).toContain('Enter or Esc reads other pictures');
    expect(await readFile(target, 'utf8')).toBe('hello from the other side');
    await screen.pressUntil('› Pictures:', ENTER);
    screen.unmount();
  });

  it('takes the backup from its frames with an address among them, and says what it skipped', async () => {
    const screen = await openQr(await openTestVault());
    await readPictures(screen, folders.stray);
    const found = await screen.waitFor('An airlock backup', 20_000);
    expect(found).toMatch(/✓ \d+ pictures, \d+ frames, 100% complete \(1 skipped\)/u);
    expect(prose(found)).toContain('Skipped 1 code of another transfer (an address).');
    expectFits(found);
    const target = join(root, 'not-the-address.json');
    screen.type(CTRL_U);
    screen.type(target);
    await screen.waitFor('not-the-address.json');
    await screen.pressUntil('✓ Saved to', ENTER);
    expect(Buffer.from(await readFile(target)).equals(Buffer.from(backup))).toBe(true);
    screen.unmount();
  });

  it('offers the complete transfers of pictures that hold two, and reads the one chosen', async () => {
    const screen = await openQr(await openTestVault());
    await readPictures(screen, folders.two);
    const choice = await screen.waitFor('Which one is wanted?', 30_000);
    expect(choice).toContain('The pictures hold 2 complete transfers.');
    const rows = choice.split('\n').filter((line) => /[0-9a-f]{8} \(/u.test(line));
    // Listed once: the status line does not call it a failure.
    expect(rows).toHaveLength(2);
    expect(choice).not.toContain('✗');
    expect(choice).toMatch(/[0-9a-f]{8} \(an airlock backup, \d+ frames\)/u);
    expect(choice).toMatch(/[0-9a-f]{8} \(1\.5 KiB of data, 12 frames\)/u);
    expect(choice).toContain('Enter reads that one');
    expectFits(choice);
    // The backup, wherever it is listed: the row under the cursor is marked ›, with or without colours.
    if (!rows[0]!.includes('airlock backup')) {
      await screen.pressUntil(/› [0-9a-f]{8} \(an airlock backup/u, ARROW_DOWN);
    }
    screen.type(ENTER);
    const found = await screen.waitFor('An airlock backup', 30_000);
    expect(found).toMatch(/✓ \d+ pictures, \d+ frames, 100% complete \(12 skipped\)/u);
    expect(prose(found)).toContain('Skipped 12 frames of another transfer (1.5 KiB of data).');
    const target = join(root, 'chosen.json');
    screen.type(CTRL_U);
    screen.type(target);
    await screen.waitFor('chosen.json');
    await screen.pressUntil('✓ Saved to', ENTER);
    expect(Buffer.from(await readFile(target)).equals(Buffer.from(backup))).toBe(true);
    screen.unmount();
  });

  it('recognises a polkadot.js account file, saves it as .json and offers it for import', async () => {
    const session = await openTestVault();
    const screen = await openQr(session);
    await readPictures(screen, folders.keyFile);
    const found = await screen.waitFor('A polkadot.js account file', 20_000);
    expect(prose(found)).toMatch(/A polkadot\.js account file \(\d+ B\): the import reads it once it is saved\./u);
    expect(prose(found)).toMatch(/Save to: .*\/polkadot-js-\d{8}-\d{6}\.json/u);
    expect(prose(found)).toContain('Enter saves it there, then offers to import it');
    const target = join(root, 'received-key.json');
    screen.type(CTRL_U);
    screen.type(target);
    await screen.waitFor('received-key.json');
    const saved = await screen.pressUntil('✓ Saved to', ENTER);
    expect(prose(saved)).toContain('Enter imports it now');
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual(KEY_FILE.json);
    const importing = await screen.pressUntil('Import a backup', ENTER);
    expect(importing).toContain('› Password:');
    screen.type(KEY_FILE.password);
    await screen.pressUntil(/account +version3 +add/u, ENTER);
    await screen.pressUntil('Imported', 'y');
    expect(session.data.accounts.map((a) => a.name)).toEqual(['version3']);
    screen.unmount();
  });
});
