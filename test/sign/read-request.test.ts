/** Signing requests read as a person brings them: pictures of the sender's QR codes, a video, a file. */
import { execFile } from 'node:child_process';
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import type { FramesProgress } from '../../src/sign/frames.js';
import {
  readSignRequest,
  readSignRequestFrom,
  type RequestTally,
  type SignRequestSource,
} from '../../src/sign/read-request.js';
import { ALICE } from '../helpers/dev-keys.js';
import { createScratch } from '../helpers/files.js';
import { loseAndShuffle, seeded } from '../helpers/qr-frames.js';
import {
  CMD_TRANSACTION,
  polkadotJsFrames,
  polkadotJsRequest,
  remarkCall,
  transactionPayload,
  vaultRaptorqFrames,
  WESTEND_GENESIS,
} from '../helpers/sign-requests.js';

const execFileAsync = promisify(execFile);

let scratch: Awaited<ReturnType<typeof createScratch>>;
beforeAll(async () => {
  scratch = await createScratch('sign-read');
});
afterAll(() => scratch?.remove());

const requestOf = (remark: number, seed = 1) =>
  polkadotJsRequest(ALICE.publicKey, CMD_TRANSACTION, transactionPayload(remarkCall(remark, seed)), WESTEND_GENESIS);

interface PictureOptions {
  scale?: number;
  level?: 'M' | 'L';
}

/**
 * A QR code of raw bytes in byte mode, saved as a PNG, at the error correction the senders draw
 * with: M for polkadot.js (react-qr), L for Vault (qrcode_rtx).
 */
async function pictureOf(path: string, bytes: Uint8Array, { scale = 2, level = 'M' }: PictureOptions = {}) {
  await QRCode.toFile(path, [{ data: bytes, mode: 'byte' }], { errorCorrectionLevel: level, scale });
  return path;
}

/** Pictures of the codes, named in the order given (which the test shuffles). */
async function picturesOf(
  codes: readonly Uint8Array[],
  dir: string,
  options: { scale?: number; level?: 'M' | 'L' } = {},
) {
  return Promise.all(
    codes.map((code, i) => pictureOf(join(dir, `code-${String(i).padStart(3, '0')}.png`), code, options)),
  );
}

async function blankPicture(path: string): Promise<string> {
  const png = new PNG({ width: 200, height: 200 });
  png.data.fill(255);
  await writeFile(path, PNG.sync.write(png));
  return path;
}

async function refusal(read: Promise<unknown>): Promise<UserError> {
  const error = await read.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

const ADDRESS_CODE = new TextEncoder().encode(`substrate:${ALICE.substrate}:${WESTEND_GENESIS}`);

describe.concurrent('readSignRequest from pictures', () => {
  it("reads polkadot.js's frames from a folder in any order, skipping a duplicate, a stray and a picture without a code", async () => {
    const dir = await scratch.dir('legacy');
    const request = requestOf(3500);
    const frames = polkadotJsFrames(request);
    expect(frames).toHaveLength(4);
    const shuffled = loseAndShuffle([...frames, frames[1]!, ADDRESS_CODE], 0, seeded(3));
    await picturesOf(shuffled, dir);
    await blankPicture(join(dir, 'blank.png'));
    const seen: [RequestTally, FramesProgress][] = [];
    const read = await readSignRequest(
      { kind: 'pictures', paths: [dir] },
      { onProgress: (tally, progress) => seen.push([tally, progress]) },
    );
    expect(read.bytes).toEqual(request);
    expect(read.request).toMatchObject({ crypto: 'sr25519', action: 'transaction', genesisHash: WESTEND_GENESIS });
    expect(read.tally).toEqual({ pictures: 7, frames: 4, duplicates: 1, skipped: 1, noCode: 1 });
    expect(seen).toHaveLength(7);
    expect(seen.map(([tally]) => tally.pictures)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(seen.at(-1)![1]).toEqual({ seen: 4, needed: 4, fraction: 1 });
    expect(seen.some(([, progress]) => progress.fraction > 0 && progress.fraction < 1)).toBe(true);
  });

  it("reads Vault's RaptorQ frames with some lost, given as pictures one by one", async () => {
    const dir = await scratch.dir('raptorq');
    const request = requestOf(4000, 2);
    const frames = vaultRaptorqFrames(request); // 4 source packets and 3 repair packets
    const kept = frames.filter((_, i) => i !== 0 && i !== 2);
    const paths = await picturesOf(loseAndShuffle(kept, 0, seeded(8)), dir, { level: 'L' });
    const read = await readSignRequest({ kind: 'pictures', paths });
    expect(read.bytes).toEqual(request);
    expect(read.tally).toMatchObject({ pictures: 5, frames: 5, skipped: 0 });
  });

  it('refuses, with one message each, frames short of a request, a request for a bare hash, and pictures of no request', async () => {
    const dir = await scratch.dir('refusals');
    const frames = polkadotJsFrames(requestOf(3500, 3));
    const some = await picturesOf([frames[0]!, frames[2]!], await scratch.dir('some'));
    expect((await refusal(readSignRequest({ kind: 'pictures', paths: some }))).message).toBe(
      'the signing request is incomplete: 2 of 4 frames read, frames 2 and 4 of 4 are missing',
    );
    const hash = polkadotJsRequest(ALICE.publicKey, 1, new Uint8Array(32).fill(1), WESTEND_GENESIS);
    const hashPicture = await pictureOf(join(dir, 'hash.png'), polkadotJsFrames(hash)[0]!);
    expect((await refusal(readSignRequest({ kind: 'pictures', paths: [hashPicture] }))).message).toMatch(
      /^the signing request holds only a hash of the transaction: airlock never signs what it cannot show$/u,
    );
    const address = await pictureOf(join(dir, 'address.png'), ADDRESS_CODE);
    expect((await refusal(readSignRequest({ kind: 'pictures', paths: [address] }))).message).toBe(
      'no signing request in the QR codes: they hold an address QR code',
    );
    expect((await refusal(readSignRequestFrom(address))).message).toMatch(/^no signing request in the QR codes/u);
    const blank = await blankPicture(join(dir, 'blank.png'));
    expect((await refusal(readSignRequest({ kind: 'pictures', paths: [blank] }))).message).toBe('no QR code found');
  });

  it('stops when asked, with the reason given', async () => {
    const dir = await scratch.dir('abort');
    const paths = await picturesOf(polkadotJsFrames(requestOf(3500, 4)), dir);
    const stop = new AbortController();
    const reason = new Error('stopped by the test');
    const read = readSignRequest(
      { kind: 'pictures', paths },
      { signal: stop.signal, onProgress: () => stop.abort(reason) },
    );
    await expect(read).rejects.toBe(reason);
    await expect(readSignRequest({ kind: 'pictures', paths }, { signal: AbortSignal.abort(reason) })).rejects.toBe(
      reason,
    );
  });
});

/** An H.264 video of the pictures, as a phone or screen recorder saves one. */
async function videoOf(pictures: readonly string[], path: string, fps = 4): Promise<string> {
  const dir = await scratch.dir('video-frames');
  for (const [i, picture] of pictures.entries())
    await copyFile(picture, join(dir, `${String(i).padStart(4, '0')}.png`));
  await execFileAsync('ffmpeg', [
    ...['-loglevel', 'error', '-y', '-framerate', String(fps), '-i', join(dir, '%04d.png')],
    ...['-vf', 'pad=ceil(iw/2)*2:ceil(ih/2)*2:color=white', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', path],
  ]);
  return path;
}

describe.concurrent('readSignRequest from a video', () => {
  it("reads polkadot.js's frames from a video through ffmpeg, and stops once the request is complete", async () => {
    const dir = await scratch.dir('video');
    const request = requestOf(2500, 5);
    const frames = polkadotJsFrames(request); // 3 frames, shown in a loop as the sender does
    const pictures = await picturesOf(frames, dir, { scale: 4 });
    const video = await videoOf([...pictures, ...pictures, ...pictures, ...pictures], join(dir, 'request.mp4'));
    const read = await readSignRequest({ kind: 'camera', path: video });
    expect(read.bytes).toEqual(request);
    expect(read.tally.frames).toBe(3);
    expect(read.tally.pictures).toBeLessThan(12);
    const from = await readSignRequestFrom(video);
    expect(from.source).toBe('camera');
    expect(from.bytes).toEqual(request);
  });
});

describe.concurrent("readSignRequest from a video of Vault's frames", () => {
  it('decodes RaptorQ frames filmed with some never shown', async () => {
    const dir = await scratch.dir('video-raptorq');
    const request = requestOf(3500, 7);
    const frames = vaultRaptorqFrames(request); // 4 source packets and 3 repair packets
    const shown = frames.filter((_, i) => i !== 1 && i !== 3);
    const pictures = await picturesOf(shown, dir, { scale: 3, level: 'L' });
    const read = await readSignRequest({ kind: 'camera', path: await videoOf(pictures, join(dir, 'vault.mp4')) });
    expect(read.bytes).toEqual(request);
    expect(read.tally.frames).toBeGreaterThanOrEqual(4);
  });
});

describe.concurrent('readSignRequest from a request file', () => {
  const request = requestOf(600, 6);
  const hex = Buffer.from(request).toString('hex');

  it('reads raw bytes, and hex with or without 0x, in any case, across lines', async () => {
    const dir = await scratch.dir('files');
    const files: [string, string | Uint8Array][] = [
      ['request.bin', request],
      ['request.hex', `0x${hex}\n`],
      ['bare.txt', hex.toUpperCase()],
      ['wrapped.txt', `  0X${hex.replace(/(.{64})/gu, '$1\n')}\r\n`],
    ];
    for (const [name, content] of files) {
      const path = join(dir, name);
      await writeFile(path, content);
      const read = await readSignRequest({ kind: 'file', path } satisfies SignRequestSource);
      expect(read.bytes, name).toEqual(request);
      expect(read.request.action).toBe('transaction');
      const from = await readSignRequestFrom(path);
      expect(from.source, name).toBe('file');
      expect(from.bytes, name).toEqual(request);
    }
  });

  it('refuses a file that holds no request, an empty one, one too large, and a missing one', async () => {
    const dir = await scratch.dir('bad-files');
    const write = async (name: string, content: string | Uint8Array) => {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    };
    const notHex = await write('notes.txt', `0x${hex}zz`);
    expect((await refusal(readSignRequest({ kind: 'file', path: notHex }))).message).toBe(
      `${notHex} holds neither a signing request nor one as hex`,
    );
    const odd = await write('odd.hex', `${hex}5`);
    expect((await refusal(readSignRequest({ kind: 'file', path: odd }))).message).toMatch(/neither a signing request/u);
    const empty = await write('empty.hex', ' \n');
    expect((await refusal(readSignRequest({ kind: 'file', path: empty }))).message).toBe(`${empty} is empty`);
    const huge = await write('huge.hex', Buffer.alloc(3 * 1024 * 1024 + 1, 0x30));
    expect((await refusal(readSignRequest({ kind: 'file', path: huge }))).message).toBe(
      `${huge} is too large for a signing request (3.0 MiB; at most 3.0 MiB of hex)`,
    );
    const hashHex = await write(
      'hash.hex',
      Buffer.from(polkadotJsRequest(ALICE.publicKey, 1, new Uint8Array(32), WESTEND_GENESIS)).toString('hex'),
    );
    expect((await refusal(readSignRequest({ kind: 'file', path: hashHex }))).message).toMatch(/only a hash/u);
    const missing = join(dir, 'missing.hex');
    expect((await refusal(readSignRequest({ kind: 'file', path: missing }))).message).toBe(`no file at ${missing}`);
  });
});
