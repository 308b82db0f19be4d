/** End to end: `airlock qr show` captured from a real terminal and decoded, `airlock qr read` on pictures and videos. */
import jpeg from 'jpeg-js';
import { execFile } from 'node:child_process';
import { copyFile, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameSequence, type Framing } from '../../src/qr/frames.js';
import { Reassembly } from '../../src/qr/reassembly.js';
import {
  OWNER,
  airlockOk,
  createVault,
  expectCleanFailure,
  expectUsageError,
  runAirlock,
  startAirlock,
} from '../helpers/cli.js';
import fixture from '../fixtures/polkadot-js/keyring-spec.json' with { type: 'json' };
import { ALICE } from '../helpers/dev-keys.js';
import { createScratch } from '../helpers/files.js';
import { pseudoRandomBytes } from '../helpers/qr-frames.js';
import { DARK_THEME, readQrPicture, terminalToImage } from '../helpers/qr-pixels.js';
import { openTerminal } from '../helpers/tmux.js';

const execFileAsync = promisify(execFile);
const POLKADOT_GENESIS = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';
const BACKUP = { AIRLOCK_BACKUP_PASSWORD: 'backup-password-42' };

let scratch: Awaited<ReturnType<typeof createScratch>>;
let vault = '';
beforeAll(async () => {
  scratch = await createScratch('qr');
  vault = await createVault(join(await scratch.dir('vault'), 'vault.json'), { devIdentity: true });
  await airlockOk(
    ['account', 'derive', '--identity', 'dev', '--name', 'alice', '--path', '//Alice', '--network', 'polkadot'],
    { vault, env: OWNER },
  );
});
afterAll(() => scratch?.remove());

/** The QR code on the terminal now, as a phone pointed at it would read it. */
async function readScreen(colouredScreen: () => Promise<string>): Promise<string | undefined> {
  return readQrPicture(terminalToImage((await colouredScreen()).split('\n'), DARK_THEME));
}

/** Pictures of a transfer's frames as the qrcode package draws them: UR text, or dense frames' bytes. */
async function framePictures(
  payload: Uint8Array,
  count: number,
  dir: string,
  framing: Framing = 'ur',
): Promise<string[]> {
  const sequence = new FrameSequence(payload, 300, framing);
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(dir, `frame-${String(i).padStart(3, '0')}.png`);
    await pictureOf(path, sequence.next().content);
    paths.push(path);
  }
  return paths;
}

function pictureOf(path: string, content: string | Uint8Array): Promise<void> {
  const segment =
    typeof content === 'string'
      ? { data: content, mode: 'alphanumeric' as const }
      : { data: content, mode: 'byte' as const };
  return QRCode.toFile(path, [segment], { errorCorrectionLevel: 'L', scale: 2 });
}

describe.concurrent('airlock qr show', () => {
  it("shows an account's address as the substrate: QR, on the alternate screen, and leaves it with q", async () => {
    const terminal = await openTerminal({
      columns: 100,
      rows: 40,
      args: ['--vault', vault, 'qr', 'show', '--account', 'alice'],
      env: OWNER,
    });
    try {
      await terminal.waitFor('q quit');
      expect(await readScreen(terminal.colouredScreen)).toBe(`substrate:${ALICE.polkadot}:${POLKADOT_GENESIS}:alice`);
      await terminal.keys('q');
      expect(await terminal.exited()).toBe(0);
      expect(await terminal.history()).not.toMatch(/[▀▄█]/u);
    } finally {
      await terminal.close();
    }
  });

  it('shows a file of a few KB as animated frames that a reader puts back together', async () => {
    const file = join(await scratch.dir(), 'payload.bin');
    const payload = pseudoRandomBytes(3000, 21);
    await writeFile(file, payload);
    const terminal = await openTerminal({
      columns: 100,
      rows: 40,
      args: ['qr', 'show', '--file', file, '--fps', '10'],
    });
    try {
      await terminal.waitFor('q quit');
      const reassembly = new Reassembly();
      const started = Date.now();
      const seen = new Set<string>();
      while (!reassembly.complete && Date.now() - started < 30_000) {
        const text = await readScreen(terminal.colouredScreen);
        if (text) {
          seen.add(text);
          reassembly.receive(text, 'screen');
        }
      }
      expect(seen.size).toBeGreaterThan(3);
      const result = reassembly.result();
      expect(Buffer.from((result as { payload: Uint8Array }).payload).equals(Buffer.from(payload))).toBe(true);
      await terminal.keys('Escape');
      expect(await terminal.exited()).toBe(0);
    } finally {
      await terminal.close();
    }
  });

  it('shows dense frames with --dense, and f switches to UR frames', async () => {
    const file = join(await scratch.dir(), 'payload.bin');
    const payload = pseudoRandomBytes(3000, 22);
    await writeFile(file, payload);
    const terminal = await openTerminal({
      columns: 100,
      rows: 40,
      args: ['qr', 'show', '--file', file, '--dense', '--fps', '10'],
    });
    try {
      await terminal.waitFor('dense · f UR');
      const reassembly = new Reassembly();
      const started = Date.now();
      while (!reassembly.complete && Date.now() - started < 30_000) {
        const text = await readScreen(terminal.colouredScreen);
        if (text) reassembly.receive(text, 'screen');
      }
      expect(Buffer.from((reassembly.result() as { payload: Uint8Array }).payload).equals(Buffer.from(payload))).toBe(
        true,
      );
      await terminal.keys('f');
      await terminal.waitFor('· f dense ·');
      // A UR frame on the screen now: alphanumeric text a UR reader takes as it is. At 10 frames a
      // second a capture can catch a redraw half done, so read until one reads.
      let text: string | undefined;
      for (const started = Date.now(); !text && Date.now() - started < 5_000;)
        text = await readScreen(terminal.colouredScreen);
      expect(text).toMatch(/^UR:BYTES\/\d+-\d+\//u);
      await terminal.keys('q');
      expect(await terminal.exited()).toBe(0);
    } finally {
      await terminal.close();
    }
  });

  it('refuses without a terminal, and without exactly one of --account and --file', async () => {
    const file = join(await scratch.dir(), 'x.bin');
    await writeFile(file, 'x');
    expectCleanFailure(await runAirlock(['qr', 'show', '--file', file]), /no terminal to show the QR code on/);
    expectUsageError(await runAirlock(['qr', 'show']), /either --account/);
    expectUsageError(await runAirlock(['qr', 'show', '--file', file, '--fps', '0']), /--fps/);
    expectUsageError(
      await runAirlock(['qr', 'show', '--account', 'alice', '--dense'], { vault, env: OWNER }),
      /--dense is for --file/,
    );
    expectCleanFailure(
      await runAirlock(['qr', 'show', '--account', 'alice', '--network', 'substrate'], { vault, env: OWNER }),
      /network "substrate" has no genesis hash/,
    );
  });

  it('refuses a file too large, empty, missing or a folder, before it is read', async () => {
    const dir = await scratch.dir();
    const large = join(dir, 'large.bin');
    await writeFile(large, '');
    await truncate(large, 1024 * 1024 + 1);
    expectCleanFailure(
      await runAirlock(['qr', 'show', '--file', large]),
      /large\.bin is too large to show as QR codes \(1\.0 MiB; at most 1\.0 MiB\)/u,
    );
    const empty = join(dir, 'empty.bin');
    await writeFile(empty, '');
    expectCleanFailure(await runAirlock(['qr', 'show', '--file', empty]), /empty\.bin is empty/u);
    expectCleanFailure(await runAirlock(['qr', 'show', '--file', join(dir, 'gone.bin')]), /no file at .*gone\.bin/u);
    expectCleanFailure(await runAirlock(['qr', 'show', '--file', dir]), /is a folder/u);
  });
});

describe.concurrent('airlock qr read', () => {
  it('prints an address QR with its network and the command to keep it', async () => {
    const picture = join(await scratch.dir(), 'address.png');
    await QRCode.toFile(picture, `substrate:${ALICE.polkadot}:${POLKADOT_GENESIS}:alice`);
    const { stdout } = await airlockOk(['qr', 'read', picture]);
    expect(stdout).toContain(`address:  ${ALICE.polkadot}`);
    expect(stdout).toContain('network:  Polkadot Relay Chain (polkadot)');
    expect(stdout).toContain('name:     alice');
    expect(stdout).toContain(`airlock address add --name 'alice' --network polkadot ${ALICE.polkadot}`);
  });

  it('puts a backup back together from shuffled frames: asks for --out, then writes it', async () => {
    const dir = await scratch.dir();
    const backup = join(dir, 'backup.json');
    await airlockOk(['export', '--out', backup], { vault, env: { ...OWNER, ...BACKUP } });
    const bytes = await readFile(backup);
    // Every plain fragment's frame and four in five of the mixes after them, last first. The
    // backup is new each run, and so are its mixes: with plain frames lost too, about one set in
    // fourteen would lack a fragment no mix holds, and no reader could finish it.
    const { parts } = new FrameSequence(bytes, 300);
    const frames = await framePictures(bytes, parts * 2, await scratch.dir('frames'));
    const shuffled = frames.filter((_, i) => i < parts || i % 5 !== 1).reverse();
    expectCleanFailure(
      await runAirlock(['qr', 'read', ...shuffled]),
      /hold an airlock backup, which is not printed; give --out FILE/,
    );
    const out = join(dir, 'received.json');
    const { stdout, stderr } = await airlockOk(['qr', 'read', '--out', out, ...shuffled]);
    expect((await readFile(out)).equals(bytes)).toBe(true);
    expect(stdout).toContain(`(an airlock backup: check it with \`airlock import ${out} --dry-run\`)`);
    expect(stderr).toMatch(/^read \d+ pictures, \d+ frames.*: 100% complete\n$/u);
    await airlockOk(['import', out, '--dry-run'], { env: BACKUP, vault: join(dir, 'none.json') });
    // Two scrypt runs and every picture read twice (a later one could hold another transfer).
  }, 120_000);

  it('reads dense frames in any order, and refuses a damaged one by its name, writing nothing', async () => {
    const dir = await scratch.dir();
    const payload = pseudoRandomBytes(3000, 5);
    const frames = await framePictures(payload, 22, await scratch.dir('dense'), 'dense');
    const out = join(dir, 'out.bin');
    await airlockOk(['qr', 'read', '--out', out, ...frames.filter((_, i) => i % 5 !== 2).reverse()]);
    expect((await readFile(out)).equals(Buffer.from(payload))).toBe(true);

    // A frame whose code is sound but whose bytes are not what was sent: its checksum fails.
    const frame = Buffer.from(new FrameSequence(payload, 300, 'dense').next().content as Uint8Array);
    frame[50]! ^= 0x01;
    const damaged = join(dir, 'damaged.png');
    await pictureOf(damaged, frame);
    const again = join(dir, 'again.bin');
    // Too few good frames to finish without it, so it is read whichever worker is quicker.
    expectCleanFailure(
      await runAirlock(['qr', 'read', '--out', again, damaged, ...frames.slice(0, 6)]),
      /damaged\.png holds a damaged airlock frame \(bad checksum\)/,
    );
    await expect(readFile(again)).rejects.toThrow(/ENOENT/);
  });

  it('reads a JPEG cut short, and refuses one with nothing past its header, keeping the codec quiet', async () => {
    const dir = await scratch.dir();
    // The code at the top of a tall photo whose rest is busy, so holds most of the file's bytes: a
    // JPEG stores its rows top first, and cutting the file in half loses only the busy rows. The
    // codec warns of the cut; none of that may reach stderr.
    const code = PNG.sync.read(
      await QRCode.toBuffer(`substrate:${ALICE.polkadot}:${POLKADOT_GENESIS}:alice`, { scale: 4 }),
    );
    const photo = {
      width: code.width,
      height: code.height * 3,
      data: Buffer.from(pseudoRandomBytes(code.width * code.height * 3 * 4, 8)),
    };
    code.data.copy(photo.data);
    const file = jpeg.encode(photo, 90).data;
    const cut = join(dir, 'cut.jpg');
    await writeFile(cut, file.subarray(0, Math.floor(file.length * 0.5)));
    const { stdout, stderr } = await airlockOk(['qr', 'read', cut]);
    expect(stdout).toContain(`address:  ${ALICE.polkadot}`);
    expect(stderr).toMatch(/^read 1 pictures?, .*\n$/u);

    const header = join(dir, 'header.jpg');
    await writeFile(header, file.subarray(0, 300));
    expectCleanFailure(await runAirlock(['qr', 'read', header]), /header\.jpg is a damaged JPEG image \(.+\)$/u);
  });

  it('an incomplete set, a picture without a code: one clear message, nothing written', async () => {
    const dir = await scratch.dir();
    const payload = pseudoRandomBytes(3000, 4);
    const frames = await framePictures(payload, 11, dir); // 3000 bytes: 11 fragments of at most 300
    const out = join(dir, 'out.bin');
    expectCleanFailure(
      await runAirlock(['qr', 'read', '--out', out, ...frames.slice(0, 7)]),
      /incomplete: 63% complete, about 4 more frames needed/,
    );
    const blank = join(dir, 'blank.png');
    const { PNG } = await import('pngjs');
    const png = new PNG({ width: 50, height: 50 });
    png.data.fill(255);
    await writeFile(blank, PNG.sync.write(png));
    expectCleanFailure(await runAirlock(['qr', 'read', '--out', out, blank]), /no QR code found in the pictures/);
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });
});

/** An address code photographed by mistake, drawn as large as `like` (a frame's picture), so a video can hold both. */
async function strayAddress(path: string, like: string): Promise<string> {
  const { width } = PNG.sync.read(await readFile(like));
  await QRCode.toFile(path, `substrate:${ALICE.polkadot}:${POLKADOT_GENESIS}:alice`, { width });
  return path;
}

/** A one-frame transfer of other data, drawn as large as `like`. */
async function strayOneFrame(path: string, like: string): Promise<string> {
  const { width } = PNG.sync.read(await readFile(like));
  const { text } = new FrameSequence(pseudoRandomBytes(20, 77), 300).next();
  await QRCode.toFile(path, [{ data: text, mode: 'alphanumeric' }], { errorCorrectionLevel: 'L', width });
  return path;
}

describe.concurrent('airlock qr read, pictures of more than one transfer', () => {
  it('never ends a transfer at a stray single code: it writes the transfer and names the strays', async () => {
    const dir = await scratch.dir();
    const payload = pseudoRandomBytes(3000, 31);
    const frames = await framePictures(payload, 16, await scratch.dir('frames')); // 11 fragments
    const address = await strayAddress(join(dir, 'address.png'), frames[0]!);
    const oneFrame = await strayOneFrame(join(dir, 'one-frame.png'), frames[0]!);
    const out = join(dir, 'out.bin');
    // The strays first, where a reader that stops at the first complete code would stop.
    const { stderr } = await airlockOk(['qr', 'read', '--out', out, oneFrame, address, ...frames]);
    expect((await readFile(out)).equals(Buffer.from(payload))).toBe(true);
    expect(stderr).toMatch(/^read 18 pictures, 16 frames, 2 skipped \(.*\): 100% complete\n$/u);
    expect(stderr).toContain('1 code of another transfer (an address)');
    expect(stderr).toContain('1 code of another transfer (20 B of data)');
    // Too few frames: the transfer is incomplete, and neither stray is taken for it.
    const none = join(dir, 'none.bin');
    expectCleanFailure(
      await runAirlock(['qr', 'read', '--out', none, oneFrame, address, ...frames.slice(0, 6)]),
      /the transfer is incomplete: 54% complete/u,
    );
    await expect(readFile(none)).rejects.toThrow(/ENOENT/);
  });

  it('refuses two complete transfers, listing them; --transfer reads the one named', async () => {
    const dir = await scratch.dir();
    const first = pseudoRandomBytes(3000, 32);
    const second = pseudoRandomBytes(1500, 33);
    const pictures = [
      ...(await framePictures(first, 16, await scratch.dir('first'))),
      ...(await framePictures(second, 9, await scratch.dir('second'))),
    ];
    const out = join(dir, 'out.bin');
    const refusal = expectCleanFailure(await runAirlock(['qr', 'read', '--out', out, ...pictures]));
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
    const listing =
      /^airlock: the pictures hold 2 complete transfers: ([0-9a-f]{8}) \((2\.9 KiB of data, 16 frames|1\.5 KiB of data, 9 frames)\); ([0-9a-f]{8}) \((2\.9 KiB of data, 16 frames|1\.5 KiB of data, 9 frames)\); choose one with --transfer ID$/u.exec(
        refusal,
      );
    expect(listing, refusal).not.toBeNull();
    // The smaller one, by the id it was listed with.
    const id = listing![2]!.startsWith('1.5') ? listing![1]! : listing![3]!;
    const { stderr } = await airlockOk(['qr', 'read', '--out', out, '--transfer', id.toUpperCase(), ...pictures]);
    expect((await readFile(out)).equals(Buffer.from(second))).toBe(true);
    expect(stderr).toContain('16 frames of another transfer (2.9 KiB of data)');
    expectCleanFailure(
      await runAirlock(['qr', 'read', '--force', '--out', out, '--transfer', '0badc0de', ...pictures]),
      /the pictures hold no transfer "?0badc0de"?; they hold [0-9a-f]{8} \(/u,
    );
    // Three reads of every one of 25 pictures.
  }, 120_000);

  it('recognises a polkadot.js account file and offers it for import', async () => {
    const dir = await scratch.dir();
    const keyFile = fixture.files[3]!;
    const frames = await framePictures(
      new TextEncoder().encode(JSON.stringify(keyFile.json)),
      6,
      await scratch.dir('key-file'),
    );
    expectCleanFailure(
      await runAirlock(['qr', 'read', ...frames]),
      /the QR codes hold a polkadot\.js account file, which is not printed; give --out FILE/u,
    );
    const out = join(dir, 'account.json');
    const { stdout } = await airlockOk(['qr', 'read', '--out', out, ...frames]);
    expect(stdout).toContain(`(a polkadot.js account file: check it with \`airlock import ${out} --dry-run\`)`);
    const { stdout: plan } = await airlockOk(['import', out, '--dry-run'], {
      env: { AIRLOCK_BACKUP_PASSWORD: keyFile.password },
      vault: join(dir, 'none.json'),
    });
    expect(plan).toContain('version3');
  });
});

/** A video of pictures, as a phone or a screen recorder saves one: H.264 at `fps` frames a second. */
async function videoOf(pictures: readonly string[], path: string, fps = 8): Promise<string> {
  const dir = await scratch.dir('video-frames');
  // ffmpeg reads a numbered sequence: the pictures, renumbered in the order given.
  for (const [i, picture] of pictures.entries())
    await copyFile(picture, join(dir, `${String(i).padStart(4, '0')}.png`));
  await execFileAsync('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-framerate',
    String(fps),
    '-i',
    join(dir, '%04d.png'),
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    path,
  ]);
  return path;
}

describe.concurrent('airlock qr read --camera', () => {
  it('puts a transfer back together from a video of its frames, a tenth of them left out', async () => {
    const dir = await scratch.dir();
    const payload = pseudoRandomBytes(3000, 9);
    const frames = await framePictures(payload, 24, await scratch.dir('frames')); // 11 fragments of at most 300 bytes
    const video = await videoOf(
      frames.filter((_, i) => i % 10 !== 3),
      join(dir, 'frames.mp4'),
    );
    const out = join(dir, 'out.bin');
    const { stderr } = await airlockOk(['qr', 'read', '--camera', video, '--out', out]);
    expect((await readFile(out)).equals(Buffer.from(payload))).toBe(true);
    expect(stderr).toMatch(/^read \d+ pictures, 1\d frames.*: 100% complete\n$/u);
  });

  it('reads on past a stray address and a one-frame transfer in a video of frames, and names them', async () => {
    const dir = await scratch.dir();
    const payload = pseudoRandomBytes(3000, 34);
    const frames = await framePictures(payload, 24, await scratch.dir('frames'));
    const address = await strayAddress(join(dir, 'address.png'), frames[0]!);
    const oneFrame = await strayOneFrame(join(dir, 'one-frame.png'), frames[0]!);
    // The address glimpsed before the frames start, and again among them; the other transfer once.
    const video = await videoOf(
      [address, ...frames.slice(0, 6), address, address, address, oneFrame, ...frames.slice(6)],
      join(dir, 'frames.mp4'),
    );
    const out = join(dir, 'out.bin');
    const { stderr } = await airlockOk(['qr', 'read', '--camera', video, '--out', out]);
    expect((await readFile(out)).equals(Buffer.from(payload))).toBe(true);
    expect(stderr).toContain('1 code of another transfer (an address)');
    expect(stderr).toContain('1 code of another transfer (20 B of data)');
  });

  it('stops at an address, as a camera never runs out of pictures', async () => {
    const dir = await scratch.dir();
    const address = join(dir, 'address.png');
    await QRCode.toFile(address, `substrate:${ALICE.polkadot}:${POLKADOT_GENESIS}:alice`, { scale: 4 });
    const video = await videoOf(
      Array.from({ length: 480 }, () => address),
      join(dir, 'address.mp4'),
    ); // a minute of it
    const { stdout, stderr } = await airlockOk(['qr', 'read', '--camera', video]);
    expect(stdout).toContain(`address:  ${ALICE.polkadot}`);
    expect(Number(/^read (\d+) pictures?/u.exec(stderr)?.[1])).toBeLessThan(10); // of 480
  });

  it('an incomplete video, no ffmpeg, a file or path that is no video: one clear message, nothing written', async () => {
    const dir = await scratch.dir();
    const payload = pseudoRandomBytes(3000, 10);
    const frames = await framePictures(payload, 11, await scratch.dir('frames'));
    const video = await videoOf(frames.slice(0, 6), join(dir, 'short.mp4'));
    const out = join(dir, 'out.bin');
    const read = (...args: string[]) => runAirlock(['qr', 'read', '--out', out, ...args]);
    expectCleanFailure(await read('--camera', video), /incomplete: 54% complete, about 5 more frames needed/);
    const nowhere = await scratch.dir('empty-path'); // a PATH without ffmpeg
    expectCleanFailure(
      await runAirlock(['qr', 'read', '--out', out, '--camera', video], { env: { PATH: nowhere } }),
      /reading a camera or a video needs ffmpeg, which is not installed here; install it/,
    );
    const notes = join(dir, 'notes.mp4'); // named as a video, holding text (a .txt is ffmpeg's "tty" input)
    await writeFile(notes, 'not a video');
    expectCleanFailure(
      await read('--camera', notes),
      new RegExp(`^airlock: ffmpeg cannot read ${notes}: Invalid data found when processing input; `, 'u'),
    );
    expectCleanFailure(await read('--camera', dir), /is neither a camera nor a video/);
    expectCleanFailure(await read('--camera', join(dir, 'video0')), /no camera or video at .*video0/);
    expectUsageError(await read('--camera', video, frames[0]!), /give pictures or --camera, not both/);
    expectUsageError(await read(), /give the pictures or folders to read, or --camera DEVICE/);
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });

  it('leaves no ffmpeg behind when it is stopped', async ({ expect }) => {
    const dir = await scratch.dir();
    const blank = join(dir, 'blank.png');
    const white = new PNG({ width: 1280, height: 720 });
    white.data.fill(255);
    await writeFile(blank, PNG.sync.write(white));
    // A white wall for a minute: a camera that never sees a code, 480 frames of 1280×720 to read.
    const video = join(dir, 'white-wall.mp4');
    await execFileAsync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-loop',
      '1',
      '-framerate',
      '8',
      '-i',
      blank,
      '-t',
      '60',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      video,
    ]);
    const ffmpegs = async () =>
      (await execFileAsync('ps', ['-eo', 'args'])).stdout
        .split('\n')
        .filter((line) => line.startsWith('ffmpeg') && line.includes(video));
    const { child, result } = startAirlock(['qr', 'read', '--camera', video]);
    await expect.poll(ffmpegs, { timeout: 10_000 }).toHaveLength(1);
    child.kill('SIGINT'); // airlock alone, not its process group: ffmpeg must go too
    expect((await result).signal).toBe('SIGINT');
    await expect.poll(ffmpegs, { timeout: 5_000 }).toHaveLength(0);
  });
});
