/**
 * The QR player, as a person uses it: from an account's detail, from the QR section, on a
 * file. Every code is read back from the frame the app draws, colours and all, as a phone
 * would read it off the terminal.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Reassembly } from '../../../src/qr/reassembly.js';
import { QrShow } from '../../../src/qr/show.js';
import { ALICE, BOB } from '../../helpers/dev-keys.js';
import { temporaryDir } from '../../helpers/files.js';
import { type Screen, expectFits, withoutColours } from '../../helpers/ink.js';
import { ARROW_DOWN, ARROW_RIGHT, CTRL_U, ENTER, ESC, TAB } from '../../helpers/keys.js';
import { pseudoRandomBytes } from '../../helpers/qr-frames.js';
import { prose } from '../../helpers/shell.js';
import { openTestVault } from '../../helpers/vault.js';
import { expectThroughout } from '../../helpers/wait.js';
import { openAccounts } from '../accounts/helpers.js';
import { BACKUP_PASSWORD, openBackups } from '../backups/helpers.js';
import { KUSAMA_GENESIS, POLKADOT_GENESIS, frameNumber, openQr, scanBoth, withAliceAndBob } from './helpers.js';

const fileDir = () => temporaryDir('qr-screen');
async function fileOf(payload: Uint8Array): Promise<string> {
  const path = join(await fileDir(), 'payload.bin');
  await writeFile(path, payload);
  return path;
}

const ALICE_QR = `substrate:${ALICE.polkadot}:${POLKADOT_GENESIS}:alice`;

describe("an account's address", () => {
  it('c on the detail shows the substrate: code on the whole terminal; q goes back to the detail', async () => {
    const session = await withAliceAndBob(await openTestVault({ dev: true }));
    const screen = await openAccounts(session);
    const detail = await screen.pressUntil('Public key', ENTER);
    expect(detail).toContain('c show as a QR code');
    const player = await screen.pressUntil('q quit', 'c');
    // No title, sidebar or status line: at 80×24 the code needs every row.
    expect(player).not.toContain('Identities');
    expect(player.split('\n').at(-1)).toBe(`alice on polkadot: ${ALICE.polkadot} · q quit`);
    expectFits(player);
    expect(scanBoth(screen)).toBe(ALICE_QR);
    await screen.pressUntil('Public key', 'q');
    await screen.pressUntil('q quit', 'c');
    await screen.pressUntil('Public key', ESC);
    screen.unmount();
  });

  it('shows the network the detail shows; a network that names no chain is changed first', async () => {
    const session = await withAliceAndBob(await openTestVault({ dev: true }));
    const screen = await openAccounts(session);
    await screen.pressUntil('Public key', ARROW_DOWN, ENTER);
    expect(screen.frame()).toContain(BOB.substrate);
    const picker = await screen.pressUntil('Show the address of "bob" in another network', 'c');
    expect(picker).toContain('✗ Substrate names no chain for an address QR: choose one, then press c again');
    screen.type('kusama');
    await screen.waitFor(/› kusama|kusama +2 /u);
    await screen.pressUntil('Shown as a kusama address', ENTER);
    await screen.pressUntil('q quit', 'c');
    expect(scanBoth(screen)).toMatch(new RegExp(`^substrate:[A-Za-z0-9]+:${KUSAMA_GENESIS}:bob$`, 'u'));
    screen.unmount();
  });

  it('from the QR section: picks the account, and asks for a chain when its own names none', async () => {
    const session = await withAliceAndBob(await openTestVault({ dev: true }));
    const screen = await openQr(session);
    const list = await screen.pressUntil('NAME', ENTER);
    expect(list).toMatch(/alice +15oF4u/u);
    await screen.pressUntil('q quit', ENTER);
    expect(scanBoth(screen)).toBe(ALICE_QR);
    await screen.pressUntil('NAME', ESC);
    const chain = await screen.pressUntil('choose the chain', ARROW_DOWN, ENTER);
    expect(prose(chain)).toContain(
      'An address QR names its chain, and Substrate names none: choose the chain to show "bob" for.',
    );
    screen.type('polkadot');
    await screen.waitFor(/› polkadot|polkadot +0 /u);
    await screen.pressUntil('q quit', ENTER);
    expect(scanBoth(screen)).toBe(`substrate:${BOB.polkadot}:${POLKADOT_GENESIS}:bob`);
    // Back at the list, not the chain: Esc from the chain step would have gone there too.
    await screen.pressUntil('NAME', 'q');
    screen.unmount();
  });
});

/** From the QR home: Send a file, the path typed, Enter. */
async function sendFile(screen: Screen, path: string): Promise<string> {
  await screen.pressUntil('› Send a file', ARROW_DOWN);
  await screen.pressUntil('File:', ENTER);
  screen.type(CTRL_U);
  screen.type(path);
  await screen.waitFor('payload.bin');
  return screen.pressUntil(/frame \d+ · \d+ parts/u, ENTER);
}

describe('a file as animated frames', () => {
  it('draws the frames airlock qr show draws, which a reader puts back together', async () => {
    const payload = pseudoRandomBytes(1500, 7);
    const path = await fileOf(payload);
    const screen = await openQr(await openTestVault());
    await sendFile(screen, path);
    const paused = await screen.pressUntil('paused', ' ');
    expectFits(paused);

    // The very frames of the CLI's QrShow at this size, the first one first.
    const cli = new QrShow({ kind: 'payload', payload, label: 'x' });
    cli.resize({ columns: 80, rows: 24 });
    const reassembly = new Reassembly();
    const seen = new Set<string>();
    let number = frameNumber(paused);
    for (let i = 1; i < number; i++) cli.advance();
    while (!reassembly.complete) {
      const text = scanBoth(screen);
      expect(text).toMatch(/^UR:BYTES\//u);
      const expected = cli.lines({ paused: true, fps: 8 });
      expect(screen.frame().split('\n').slice(0, -1).join('\n').trimEnd()).toBe(
        expected.slice(0, -1).map(withoutColours).join('\n').trimEnd(),
      );
      seen.add(text!);
      reassembly.receive(text!, `frame ${number}`);
      if (reassembly.complete) break;
      // → shows exactly the next frame, and stays paused.
      const next = await screen.press(ARROW_RIGHT);
      expect(frameNumber(next)).toBe(number + 1);
      expect(next).toContain('paused');
      number += 1;
      cli.advance();
    }
    const result = reassembly.result();
    expect(Buffer.from((result as { payload: Uint8Array }).payload).equals(Buffer.from(payload))).toBe(true);
    expect(seen.size).toBeGreaterThan(3);
    screen.unmount();
  });

  it('plays at 8 fps until Space, changes speed with + and -, and q goes back to the file', async () => {
    const path = await fileOf(pseudoRandomBytes(3000, 8));
    const screen = await openQr(await openTestVault());
    const first = await sendFile(screen, path);
    expect(first).toContain('8 fps · space pause');
    const start = frameNumber(first);
    const started = Date.now();
    await screen.waitFor(new RegExp(`frame ${start + 4} `, 'u'));
    // Four frames at 8 fps: half a second, give or take the test's own pace.
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    await screen.pressUntil('9 fps', '+');
    await screen.pressUntil('10 fps', '+');
    await screen.pressUntil('9 fps', '-');
    const paused = await screen.pressUntil('paused', ' ');
    // Paused, there is no frame to wait for: watch as long as four frames would take at 9 fps.
    await expectThroughout(4 * (1000 / 9), () => expect(frameNumber(screen.frame())).toBe(frameNumber(paused)));
    await screen.pressUntil('9 fps · space pause', ' ');
    await screen.pressUntil('Send a file as QR codes', 'q');
    screen.unmount();
  });

  it('f switches to dense frames, fewer of them, which put the file back together; f again goes back to UR', async () => {
    const payload = pseudoRandomBytes(3000, 12);
    const screen = await openQr(await openTestVault());
    const first = await sendFile(screen, await fileOf(payload));
    const partsAt = (frame: string) => Number(/· (\d+) parts/u.exec(frame)![1]);
    expect(first).toContain('· f dense ·');
    const dense = await screen.pressUntil('dense · f UR', 'f');
    expect(partsAt(dense)).toBeLessThan(partsAt(first));
    await screen.pressUntil('paused', ' ');
    const reassembly = new Reassembly();
    while (!reassembly.complete) {
      const text = scanBoth(screen);
      expect(text).toMatch(/^UR:BYTES\/\d+-\d+\//u);
      reassembly.receive(text!, 'frame');
      if (!reassembly.complete) await screen.press(ARROW_RIGHT);
    }
    expect(Buffer.from((reassembly.result() as { payload: Uint8Array }).payload).equals(Buffer.from(payload))).toBe(
      true,
    );
    expect(partsAt(await screen.pressUntil('· f dense ·', 'f'))).toBe(partsAt(first));
    screen.unmount();
  });

  it('fits the code again when the terminal is resized, and says when it is too small', async () => {
    const payload = pseudoRandomBytes(3000, 9);
    const screen = await openQr(await openTestVault());
    const small = await sendFile(screen, await fileOf(payload));
    const partsAt = (frame: string) => Number(/· (\d+) parts/u.exec(frame)![1]);
    await screen.pressUntil('paused', ' ');
    expect(scanBoth(screen)).toMatch(/^UR:BYTES\//u);

    const large = await screen.resize(120, 40);
    expectFits(large, 120, 40);
    expect(large.split('\n')).toHaveLength(40);
    // A larger code carries more of the file a frame: fewer parts.
    expect(partsAt(large)).toBeLessThan(partsAt(small));
    expect(scanBoth(screen)).toMatch(/^UR:BYTES\//u);

    const tiny = await screen.resize(30, 12);
    // Folded to the narrow terminal's width, as the terminal would fold it.
    expect(tiny.replace(/\s+/gu, '')).toContain('Theterminalistoosmallforthecode:makeitatleast25×14.qquits.');
    expectFits(tiny, 30, 12);
    await screen.resize(80, 24);
    expect(scanBoth(screen)).toMatch(/^UR:BYTES\//u);
    await screen.pressUntil('Send a file as QR codes', ESC);
    screen.unmount();
  });

  it('keeps the file in its field when the player closes, so Enter sends it again', async () => {
    const path = await fileOf(pseudoRandomBytes(1500, 13));
    const screen = await openQr(await openTestVault());
    await sendFile(screen, path);
    const back = await screen.pressUntil('Send a file as QR codes', 'q');
    expect(back).toMatch(/› File: +\S*\/payload\.bin/u);
    await screen.pressUntil(/frame \d+ · \d+ parts/u, ENTER);
    await screen.pressUntil('Send a file as QR codes', ESC);
    screen.unmount();
  });

  it('says plainly when the file is missing or empty, and stays on the path', async () => {
    const screen = await openQr(await openTestVault());
    await screen.pressUntil('› Send a file', ARROW_DOWN);
    await screen.pressUntil('File:', ENTER);
    screen.type(CTRL_U);
    screen.type('/nonexistent/payload.bin');
    await screen.waitFor('payload.bin');
    const missing = await screen.pressUntil('No file at /nonexistent/payload.bin', ENTER);
    expect(prose(missing)).toContain('No file at /nonexistent/payload.bin; check the path.');
    const empty = await fileOf(new Uint8Array(0));
    screen.type(CTRL_U);
    screen.type(empty);
    await screen.waitFor(/File: +.*payload\.bin/u);
    await screen.pressUntil('is empty', ENTER);
    screen.unmount();
  });
});

describe('from a finished backup export', () => {
  it('c on the receipt shows the written file as frames; q comes back to the receipt', async () => {
    const session = await withAliceAndBob(await openTestVault({ dev: true }));
    const screen = await openBackups(session);
    const target = join(await fileDir(), 'backup.json');
    await screen.pressUntil('Write to:', ENTER);
    await screen.pressUntil('› Write to:', TAB, TAB);
    screen.type(CTRL_U);
    screen.type(target);
    await screen.waitFor('backup.json');
    await screen.press(TAB);
    screen.type(BACKUP_PASSWORD);
    await screen.waitFor(`Password:     ${'•'.repeat(BACKUP_PASSWORD.length)}`);
    await screen.press(TAB);
    screen.type(BACKUP_PASSWORD);
    await screen.pressUntil('› Receipt file:', ENTER);
    await screen.pressUntil('Backup written and verified', ENTER);
    await screen.waitFor('c show as a QR code');

    await screen.pressUntil(/frame \d+ · \d+ parts/u, 'c');
    // A larger terminal, fewer frames to read, and room for the file's name.
    expect(await screen.resize(120, 40)).toContain(`q quit · ${target.slice(0, 20)}`);
    await screen.pressUntil('paused', ' ');
    // The frames carry the file just written, read off the screen frame by frame.
    const reassembly = new Reassembly();
    for (let i = 0; i < 400 && !reassembly.complete; i++) {
      reassembly.receive(scanBoth(screen)!, 'screen');
      if (!reassembly.complete) await screen.press(ARROW_RIGHT);
    }
    const written = await readFile(target);
    expect(Buffer.from((reassembly.result() as { payload: Uint8Array }).payload).equals(written)).toBe(true);
    const back = await screen.pressUntil('Backup written and verified', 'q');
    expect(back).toContain('accounts:    2: alice, bob');
    screen.unmount();
  });
});
