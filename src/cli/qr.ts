import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { UsageError, UserError } from '../errors.js';
import { writeFileDurably } from '../media/durable-write.js';
import { fileExists } from '../media/file-exists.js';
import { formatBytes } from '../media/format-bytes.js';
import { addressQrText, requireGenesis } from '../qr/address-qr.js';
import { MAX_TRANSFER_BYTES, type Framing } from '../qr/frames.js';
import { describeBytes, describeText } from '../qr/payload.js';
import { checkFps, DEFAULT_FPS } from '../qr/playback.js';
import { readQrCamera, readQrImages, type ReadTally } from '../qr/read.js';
import type { Progress } from '../qr/reassembly.js';
import { QrShow, type ShowSource } from '../qr/show.js';
import { accountAddress, findAccount } from '../vault/accounts.js';
import { findNetwork } from '../vault/networks.js';
import { say, withVault } from './context.js';
import { playOnTerminal } from './qr-player.js';

/** Files leave as frames of this size at most: a backup is kilobytes, not megabytes. */

interface ShowOptions {
  account?: string;
  file?: string;
  network?: string;
  fps?: string;
  dense?: boolean;
}

export async function showQr(options: ShowOptions, command: Command): Promise<void> {
  if ((options.account === undefined) === (options.file === undefined)) {
    throw new UsageError('give either --account ADDRESS|NAME or --file FILE');
  }
  if (options.dense && options.file === undefined) throw new UsageError('--dense is for --file: an address is always one plain code');
  let fps: number;
  try {
    fps = checkFps(options.fps ?? DEFAULT_FPS);
  } catch (error) {
    throw new UsageError(`--fps: ${(error as Error).message.replace(/^fps: /u, '')}`);
  }
  const source = options.file === undefined ? await addressSource(options.account!, options.network, command) : await fileSource(options.file, options.dense ? 'dense' : 'ur');
  await playOnTerminal(new QrShow(source), fps);
}

async function addressSource(ref: string, networkName: string | undefined, command: Command): Promise<ShowSource> {
  return withVault(command, async (session) => {
    const account = findAccount(session.data, ref);
    const network = findNetwork(networkName ?? account.network);
    const address = accountAddress(account, network);
    const text = addressQrText({ address, genesisHash: requireGenesis(network), name: account.name });
    return { kind: 'text', text, label: `${account.name} on ${network.displayName}: ${address}` };
  });
}

async function fileSource(path: string, framing: Framing): Promise<ShowSource> {
  let payload: Buffer;
  try {
    payload = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `no file at ${path}` : `cannot read ${path}: ${code ?? 'error'}`, 'check the path');
  }
  if (payload.length === 0) throw new UserError(`${path} is empty`, 'there is nothing to show');
  if (payload.length > MAX_TRANSFER_BYTES) {
    throw new UserError(`${path} is too large to show as QR codes (${formatBytes(payload.length)}; at most ${formatBytes(MAX_TRANSFER_BYTES)})`, 'move it on a removable medium instead');
  }
  return { kind: 'payload', payload: new Uint8Array(payload), label: `${path} (${formatBytes(payload.length)})`, framing };
}

interface ReadOptions {
  camera?: string;
  out?: string;
  force?: boolean;
}

export async function readQr(inputs: string[], options: ReadOptions): Promise<void> {
  if (options.camera !== undefined && inputs.length > 0) throw new UsageError('give pictures or --camera, not both');
  if (options.camera === undefined && inputs.length === 0) throw new UsageError('give the pictures or folders to read, or --camera DEVICE');
  if (options.out && !options.force && (await fileExists(options.out))) {
    throw new UserError(`${options.out} already exists`, 'choose another --out, or add --force to replace it');
  }
  const live = process.stderr.isTTY;
  const reading = { onProgress: (t: ReadTally, p: Progress) => live && process.stderr.write(`\r\x1b[K${progressLine(t, p)}`) };
  const { result, tally } = await (options.camera === undefined ? readQrImages(inputs, reading) : readQrCamera(options.camera, reading)).finally(
    () => live && process.stderr.write('\n'),
  );
  const payload = result.kind === 'bytes' ? result.payload : new Uint8Array(Buffer.from(result.text, 'utf8'));
  if (!options.out && result.kind === 'bytes') {
    const what = describeBytes(payload).kind === 'airlock-backup' ? 'an airlock backup' : `${formatBytes(payload.length)} of data`;
    throw new UserError(`the QR codes hold ${what}, which is not printed`, 'give --out FILE to save it');
  }
  // Without a terminal to update in place, one line of progress once it is done.
  if (!live) process.stderr.write(`${progressLine(tally, { fraction: 1, missing: 0 })}\n`);
  if (!options.out) return printText((result as { text: string }).text);
  await writeFileDurably(options.out, payload, { mode: 0o600 });
  const backup = describeBytes(payload).kind === 'airlock-backup';
  say(`Wrote ${formatBytes(payload.length)} to ${options.out}${backup ? ` (an airlock backup: check it with \`airlock import ${options.out} --dry-run\`)` : ''}`);
}

function printText(text: string): void {
  const kind = describeText(text);
  if (kind?.kind !== 'address') return say(text);
  const { qr, network } = kind;
  say(`address:  ${qr.address}`);
  say(`network:  ${network ? `${network.displayName} (${network.name})` : `unknown (genesis hash ${qr.genesisHash})`}`);
  if (qr.name) say(`name:     ${qr.name}`);
  const quote = (word: string) => `'${word.replace(/'/gu, `'\\''`)}'`;
  say(`to keep it in the address book: airlock address add --name ${quote(qr.name ?? 'NAME')}${network ? ` --network ${network.name}` : ''} ${qr.address}`);
}

function progressLine(tally: ReadTally, progress: Progress): string {
  const skipped = tally.duplicate + tally['other-transfer'] + tally['no-code'];
  const parts = [`read ${tally.pictures} picture${tally.pictures === 1 ? '' : 's'}`, `${tally.new} frame${tally.new === 1 ? '' : 's'}`];
  if (skipped > 0) parts.push(`${skipped} skipped (${tally.duplicate} duplicate, ${tally['other-transfer']} of another transfer, ${tally['no-code']} without a code)`);
  return `${parts.join(', ')}: ${Math.floor(progress.fraction * 100)}% complete`;
}
