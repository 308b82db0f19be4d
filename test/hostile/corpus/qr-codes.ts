/**
 * Sound pictures of hostile QR codes: UR frames that claim about a million parts, that are
 * damaged or not what they say, dense frames likewise, and text meant for the terminal (clear
 * the screen, set the title, write a fake line, reorder with bidi) plainly or in an address
 * code's name. What reaches the terminal must be printable.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { FountainEncoderPart, bytewords } from '../../../src/qr/bc-ur.js';
import { denseFrame, urPartText } from '../../../src/qr/dense.js';
import { FrameSequence, MAX_TRANSFER_BYTES } from '../../../src/qr/frames.js';
import { ALICE } from '../../helpers/dev-keys.js';
import { pseudoRandomBytes } from '../../helpers/qr-frames.js';
import { QR_READ, utf8, writeSamples, type HostileInput, type Sample } from './inputs.js';
import { POLKADOT_GENESIS } from './pictures.js';

type Code = { name: string; content: string | Uint8Array; expect?: Sample['expect'] };

export async function qrCodeInputs(dir: string): Promise<HostileInput[]> {
  const codes = [...terminalText(), ...addressCodes(), ...urFrames(), ...denseFrames()];
  const samples = await Promise.all(
    codes.map(async ({ name, content, expect }) => ({
      name: `${name}.png`,
      data: await pictureOf(content),
      expect: expect ?? 'refused',
    })),
  );
  const inputs = await writeSamples(dir, 'qr code', QR_READ, samples);
  return [...inputs, await twoTransfers(dir)];
}

/** A QR code as the qrcode package draws it: UR text in alphanumeric mode, anything else as bytes. */
async function pictureOf(content: string | Uint8Array): Promise<Uint8Array> {
  const alphanumeric = typeof content === 'string' && /^[0-9A-Z $%*+\-./:]*$/u.test(content);
  const segment = alphanumeric
    ? { data: content, mode: 'alphanumeric' as const }
    : { data: typeof content === 'string' ? utf8(content) : content, mode: 'byte' as const };
  return new Uint8Array(await QRCode.toBuffer([segment], { errorCorrectionLevel: 'L', scale: 2 }));
}

/** Text that would rewrite the terminal if printed raw: printed cleaned, or refused. */
function terminalText(): Code[] {
  const texts: [string, string][] = [
    ['text-clear-title-fake-line', '\u001b[2J\u001b[H\u001b]0;owned\u0007\r\nbackup verified OK\r\n'],
    ['text-bell-backspace', 'transfer 10 DOT\u0008\u0008\u0008\u0007 1000 DOT'],
    ['text-carriage-return', 'send to Alice\rsend to Mallory'],
    ['text-bidi-override', 'address \u202E5Grw evil'],
    ['text-c1-csi', 'text \u009b2J cleared'],
    ['text-nul', 'before\u0000after'],
    ['text-osc52-clipboard', '\u001b]52;c;b3duZWQ=\u0007'],
    ['text-delete', 'abc\u007fdef'],
  ];
  return [
    ...texts.map(([name, content]) => ({ name, content, expect: 'either' as const })),
    {
      name: 'bytes-not-utf8',
      content: Uint8Array.from([0x1b, 0x5b, 0x32, 0x4a, 0xff, 0xfe, 0x80, 0x9b]),
      expect: 'either',
    },
  ];
}

function addressCodes(): Code[] {
  const address = (name: string) => `substrate:${ALICE.polkadot}:${POLKADOT_GENESIS}:${name}`;
  return [
    {
      name: 'address-name-escapes',
      content: address('\u001b[2J\u001b]0;owned\u0007alice\r\nbackup verified OK'),
      expect: 'either',
    },
    { name: 'address-name-bidi', content: address('alice\u202Efdp.exe'), expect: 'either' },
    { name: 'address-name-long', content: address('a'.repeat(2000)), expect: 'either' },
    { name: 'address-garbage-with-escape', content: `substrate:\u001b[2J:0x00:x`, expect: 'either' },
    {
      name: 'address-unknown-genesis-escape',
      content: `substrate:${ALICE.polkadot}:0x${'ab'.repeat(32)}:\u001b]0;x\u0007`,
      expect: 'either',
    },
  ];
}

/** A UR part of `seqLength` fragments, one byte each, as a one-frame picture. */
function urPart(seqNum: number, messageLength: number, fragmentLength = 1): string {
  const seqLength = Math.ceil(messageLength / fragmentLength);
  return urPartText(
    new FountainEncoderPart(seqNum, seqLength, messageLength, 0x1234_5678, Buffer.alloc(fragmentLength, 0x42)),
  );
}

function urFrames(): Code[] {
  const largest = MAX_TRANSFER_BYTES + 5;
  const sound = new FrameSequence(pseudoRandomBytes(3000, 1900), 300).next().content as string;
  const body = sound.slice(sound.lastIndexOf('/') + 1);
  const [, sequence] = /^UR:BYTES\/(\d+-\d+)\//u.exec(sound)!;
  const singleOf = (cbor: Uint8Array) =>
    `UR:BYTES/${bytewords.encode(Buffer.from(cbor).toString('hex'), bytewords.STYLES.MINIMAL).toUpperCase()}`;
  const otherLetter = (c: string) => (c === 'A' ? 'B' : 'A');
  return [
    // Its number is above its count: a mix, whose fragments bc-ur picks by shuffling all of them.
    { name: 'ur-million-parts-mixed', content: urPart(largest + 1, largest) },
    { name: 'ur-million-parts-pure', content: urPart(7, largest) },
    { name: 'ur-10k-parts-mixed', content: urPart(10_001, 10_000) },
    { name: 'ur-transfer-of-1GiB', content: urPart(1, 2 ** 30, 1000) },
    { name: 'ur-sound-frame', content: sound },
    { name: 'ur-damaged-checksum', content: `${sound.slice(0, -1)}${otherLetter(sound.slice(-1))}` },
    { name: 'ur-cut-short', content: sound.slice(0, Math.floor(sound.length / 2)) },
    { name: 'ur-sequence-differs', content: sound.replace(`/${sequence}/`, '/2-11/') },
    { name: 'ur-sequence-zero', content: `UR:BYTES/0-0/${body}` },
    { name: 'ur-sequence-huge', content: `UR:BYTES/99999999999999999999-1/${body}` },
    { name: 'ur-other-type', content: sound.replace('UR:BYTES/', 'UR:CRYPTO-PSBT/') },
    { name: 'ur-not-bytewords', content: 'UR:BYTES/1-2/HELLOWORLDHELLOWORLD' },
    { name: 'ur-bare', content: 'UR:' },
    { name: 'ur-single-not-bytes', content: singleOf(Uint8Array.from([0xa0])) },
    { name: 'ur-single-empty-bytes', content: singleOf(Uint8Array.from([0x40])) },
    { name: 'ur-single-text-with-escape', content: singleOf(Uint8Array.from([0x45, 0x1b, 0x5b, 0x32, 0x4a, 0x07])) },
  ];
}

function denseFrames(): Code[] {
  const largest = MAX_TRANSFER_BYTES + 5;
  const sound = new FrameSequence(pseudoRandomBytes(3000, 1901), 300, 'dense').next().content as Uint8Array;
  const flipped = Uint8Array.from(sound);
  flipped[40]! ^= 0x10;
  return [
    { name: 'dense-flipped', content: flipped },
    {
      name: 'dense-million-parts-mixed',
      content: denseFrame(new FountainEncoderPart(largest + 1, largest, largest, 0x1234_5678, Buffer.from([0x42]))),
    },
    { name: 'dense-magic-only', content: sound.subarray(0, 8) },
  ];
}

/** A folder of the frames of two transfers, interleaved: one of them completes. */
async function twoTransfers(dir: string): Promise<HostileInput> {
  const path = join(dir, 'two-transfers');
  await mkdir(path);
  const sequences = [
    new FrameSequence(pseudoRandomBytes(1200, 1902), 300),
    new FrameSequence(pseudoRandomBytes(1200, 1903), 300),
  ];
  for (let i = 0; i < 12; i++) {
    const frame = sequences[i % 2]!.next().content as string;
    await writeFile(join(path, `${String(i).padStart(3, '0')}.png`), await pictureOf(frame));
  }
  return { kind: 'qr code', name: 'two-transfers', path, expect: 'either', commands: QR_READ };
}
