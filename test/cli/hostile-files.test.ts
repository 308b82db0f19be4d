/**
 * End to end: pictures, special files and QR frames made to hang airlock or exhaust its memory
 * (issue 15, items 5–7). Each is refused by the real binary with one line, within seconds and
 * under 1 GiB of memory (its peak RSS, reported by the test hooks), and nothing is changed.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FountainEncoderPart } from '../../src/qr/bc-ur.js';
import { denseFrame, urPartText } from '../../src/qr/dense.js';
import { FrameSequence } from '../../src/qr/frames.js';
import { OWNER, type RunResult, createVault, expectCleanFailure, fileBytes, startAirlock } from '../helpers/cli.js';
import { createScratch } from '../helpers/files.js';
import { HOOKS } from '../helpers/mounts.js';
import { pseudoRandomBytes } from '../helpers/qr-frames.js';

const BOTH = { ...OWNER, AIRLOCK_BACKUP_PASSWORD: 'backup-password-42' };
/** A refusal must come within this, where the faults hung for good or ran for minutes. */
const SECONDS = 20;
const GIB_IN_KIB = 1024 * 1024;
const mkfifo = (path: string) => promisify(execFile)('mkfifo', [path]);

let scratch: Awaited<ReturnType<typeof createScratch>>;
let vault = '';
beforeAll(async () => {
  scratch = await createScratch('hostile-files');
  vault = await createVault(join(await scratch.dir('vault'), 'vault.json'));
});
afterAll(() => scratch?.remove());

/**
 * Runs airlock with the test hooks reporting its peak memory; a run that outlasts SECONDS is
 * killed (with its process group) and fails the test, as a hang.
 */
async function runBounded(
  args: string[],
  options: { vault?: string } = {},
): Promise<RunResult & { peakKiB: number; seconds: number }> {
  const report = join(await scratch.dir('rss'), 'maxrss');
  const started = performance.now();
  const { child, result } = startAirlock(args, {
    vault: options.vault ?? vault,
    env: { ...BOTH, NODE_OPTIONS: HOOKS, AIRLOCK_TEST_RSS_REPORT: report },
  });
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), SECONDS * 1000);
  const finished = await result.finally(() => clearTimeout(timer));
  const seconds = (performance.now() - started) / 1000;
  expect(finished.signal, `airlock ${args.join(' ')} still ran after ${SECONDS} s`).toBeNull();
  const peakKiB = Number(await readFile(report, 'utf8'));
  expect(peakKiB, `airlock ${args.join(' ')} peaked at ${Math.round(peakKiB / 1024)} MiB`).toBeLessThan(GIB_IN_KIB);
  return { ...finished, peakKiB, seconds };
}

/** A PNG chunk: length, type, data and the CRC of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const framing = Buffer.alloc(8);
  framing.writeUInt32BE(data.length, 0);
  framing.writeUInt32BE(crc32(typed), 4);
  return Buffer.concat([framing.subarray(0, 4), typed, framing.subarray(4)]);
}

describe.concurrent('pictures and frames that claim more than they are', () => {
  it('a PNG with a second IHDR of 16000×16000 behind a first of a real code: refused from its chunks', async () => {
    const dir = await scratch.dir('ihdr');
    const png = await QRCode.toBuffer('A SMALL CODE', { scale: 1 });
    const second = Buffer.from(png.subarray(16, 29));
    second.writeUInt32BE(16_000, 0);
    second.writeUInt32BE(16_000, 4);
    const picture = join(dir, 'x.png');
    // Signature and first IHDR (33 bytes), the second IHDR, then the rest as it was.
    await writeFile(picture, Buffer.concat([png.subarray(0, 33), chunk('IHDR', second), png.subarray(33)]));
    const run = await runBounded(['qr', 'read', picture]);
    expectCleanFailure(run, /x\.png is a damaged PNG image \(it has a second IHDR chunk\)/u);
  });

  it.each(['ur', 'dense'] as const)(
    'one %s frame of a transfer claiming a million one-byte parts, as a real QR picture: refused before any work',
    async (framing) => {
      const dir = await scratch.dir('parts');
      // A mixed part (its sequence number above the count), whose fragments bc-ur would shuffle a million of.
      const part = new FountainEncoderPart(1_000_001, 1_000_000, 1_000_000, 0x1234_5678, Buffer.from([0x2a]));
      const picture = join(dir, 'x.png');
      const segment =
        framing === 'ur'
          ? { data: urPartText(part), mode: 'alphanumeric' as const }
          : { data: denseFrame(part), mode: 'byte' as const };
      await QRCode.toFile(picture, [segment], { errorCorrectionLevel: 'L', scale: 2 });
      const run = await runBounded(['qr', 'read', picture]);
      expectCleanFailure(
        run,
        /x\.png is a frame of a transfer of 1000000 parts, more than airlock reads \(at most 45591\)/u,
      );
      expect(run.seconds).toBeLessThan(10);
    },
  );
});

describe.concurrent('special files named as files', () => {
  it.each([
    {
      what: 'a symlink to /dev/zero named x.json',
      kind: 'a device',
      make: (path: string) => symlink('/dev/zero', path),
    },
    {
      what: 'a FIFO named x.json, with no writer',
      kind: 'a FIFO',
      make: mkfifo,
    },
  ])(
    '$what: import, import --dry-run and qr show --file refuse it at once; the vault is unchanged',
    async ({ make, kind }) => {
      const file = join(await scratch.dir('special'), 'x.json');
      await make(file);
      const before = await fileBytes(vault);
      const refusal = new RegExp(`x\\.json is not a regular file \\(${kind}\\)`, 'u');
      expectCleanFailure(await runBounded(['import', file]), refusal);
      expectCleanFailure(await runBounded(['import', file, '--dry-run']), refusal);
      expectCleanFailure(await runBounded(['qr', 'show', '--file', file]), refusal);
      expect((await fileBytes(vault)).equals(before), 'the vault changed').toBe(true);
    },
  );

  it.each([
    {
      what: 'a symlink to /dev/zero named x.png',
      kind: 'a device',
      make: (path: string) => symlink('/dev/zero', path),
    },
    {
      what: 'a FIFO named x.png, with no writer',
      kind: 'a FIFO',
      make: mkfifo,
    },
  ])('$what: qr read refuses it at once', async ({ make, kind }) => {
    const picture = join(await scratch.dir('special'), 'x.png');
    await make(picture);
    expectCleanFailure(
      await runBounded(['qr', 'read', picture]),
      new RegExp(`x\\.png is not a regular file \\(${kind}\\)`, 'u'),
    );
  });

  it('a symlink loop: import, qr show --file and qr read say so, not ELOOP', async () => {
    const dir = await scratch.dir('loop');
    for (const name of ['x.json', 'x.png']) await symlink(name, join(dir, name));
    const loop = /x\.(json|png): too many levels of symbolic links/u;
    expectCleanFailure(await runBounded(['import', join(dir, 'x.json')]), loop);
    expectCleanFailure(await runBounded(['qr', 'show', '--file', join(dir, 'x.json')]), loop);
    expectCleanFailure(await runBounded(['qr', 'read', join(dir, 'x.png')]), loop);
  });

  it('a vault that is a FIFO or /dev/zero is refused at once', async () => {
    const dir = await scratch.dir('vaults');
    execFileSync('mkfifo', [join(dir, 'fifo.json')]);
    await symlink('/dev/zero', join(dir, 'zero.json'));
    for (const [name, kind] of [
      ['fifo.json', 'a FIFO'],
      ['zero.json', 'a device'],
    ] as const) {
      const run = await runBounded(['account', 'list'], { vault: join(dir, name) });
      expectCleanFailure(run, new RegExp(`${name.replace('.', '\\.')} is not a regular file \\(${kind}\\)`, 'u'));
    }
  });

  it('a folder holding a FIFO among good pictures: qr read names it, before decoding any', async () => {
    const dir = await scratch.dir('folder');
    const sequence = new FrameSequence(pseudoRandomBytes(600, 15), 100);
    for (let i = 0; i < 8; i++) {
      await QRCode.toFile(join(dir, `frame-${i}.png`), [{ data: sequence.next().text, mode: 'alphanumeric' }], {
        errorCorrectionLevel: 'L',
        scale: 2,
      });
    }
    execFileSync('mkfifo', [join(dir, 'frame-3b.png')]);
    expectCleanFailure(await runBounded(['qr', 'read', dir]), /frame-3b\.png is not a regular file \(a FIFO\)/u);
  });
});
