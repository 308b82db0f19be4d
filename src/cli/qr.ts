import type { Command } from 'commander';
import { UsageError, UserError } from '../errors.js';
import { fileExists } from '../media/file-exists.js';
import { formatBytes } from '../media/format-bytes.js';
import { printable } from '../printable.js';
import { describeBytes, describeText, isImportable, payloadName } from '../qr/payload.js';
import { checkFps, DEFAULT_FPS } from '../qr/playback.js';
import { readQrCamera, readQrImages, skippedCount, skippedParts, type ReadTally } from '../qr/read.js';
import { writeReceived } from '../qr/save-received.js';
import { SeveralTransfers, type Progress, type TransferSeen } from '../qr/reassembly.js';
import { QrShow, type ShowSource } from '../qr/show.js';
import { accountSource, fileSource } from '../qr/show-sources.js';
import { findAccount } from '../vault/accounts.js';
import { nameFromFile } from '../vault/names.js';
import { findNetwork } from '../vault/networks.js';
import { printJson, say, withVault } from './context.js';
import { playOnTerminal } from './qr-player.js';
import { countOf } from '../count.js';

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
  if (options.dense && options.file === undefined)
    throw new UsageError('--dense is for --file: an address is always one plain code');
  let fps: number;
  try {
    fps = checkFps(options.fps ?? DEFAULT_FPS);
  } catch (error) {
    throw new UsageError(`--fps: ${(error as Error).message.replace(/^fps: /u, '')}`);
  }
  const source =
    options.file === undefined
      ? await addressSource(options.account!, options.network, command)
      : await fileSource(options.file, options.dense ? 'dense' : 'ur');
  await playOnTerminal(new QrShow(source), fps);
}

async function addressSource(ref: string, networkName: string | undefined, command: Command): Promise<ShowSource> {
  return withVault(command, (session) => {
    const account = findAccount(session.data, ref);
    return accountSource(account, findNetwork(networkName ?? account.network));
  });
}

interface ReadOptions {
  camera?: string;
  out?: string;
  force?: boolean;
  transfer?: string;
  json?: boolean;
}

export async function readQr(inputs: string[], options: ReadOptions): Promise<void> {
  if (options.camera !== undefined && inputs.length > 0) throw new UsageError('give pictures or --camera, not both');
  if (options.camera === undefined && inputs.length === 0)
    throw new UsageError('give the pictures or folders to read, or --camera DEVICE');
  if (options.out && !options.force && (await fileExists(options.out))) {
    throw new UserError(`${options.out} already exists`, 'choose another --out, or add --force to replace it');
  }
  const live = process.stderr.isTTY;
  const reading = {
    onProgress: (t: ReadTally, p: Progress) => live && process.stderr.write(`\r\x1b[K${progressLine(t, p)}`),
    ...(options.transfer === undefined ? {} : { transfer: options.transfer }),
  };
  const { result, tally, others } = await (
    options.camera === undefined ? readQrImages(inputs, reading) : readQrCamera(options.camera, reading)
  )
    .catch((error: unknown) => {
      throw error instanceof SeveralTransfers ? new UserError(error.message, 'choose one with --transfer ID') : error;
    })
    .finally(() => live && process.stderr.write('\n'));
  const payload = result.kind === 'bytes' ? result.payload : new Uint8Array(Buffer.from(result.text, 'utf8'));
  const kind = describeBytes(payload);
  if (!options.out && (result.kind === 'bytes' || kind.kind !== 'data')) {
    throw new UserError(
      `the QR codes hold ${payloadName(kind, payload.length)}, which is not printed`,
      'give --out FILE to save it',
    );
  }
  // Once it is done, the count with what was skipped named, over the live line.
  process.stderr.write(`${live ? '\x1b[1A\r\x1b[K' : ''}${progressLine(tally, { fraction: 1, missing: 0 }, others)}\n`);
  const skipped = others.map(({ id, what, codes }) => ({ transfer: id, what, codes }));
  if (!options.out) {
    const { text } = result as { text: string };
    return options.json ? printJson({ ...textJson(text), tally, skipped }) : printText(text);
  }
  await writeReceived(options.out, payload);
  if (options.json) return printJson({ kind: kind.kind, out: options.out, bytes: payload.length, tally, skipped });
  say(
    `Wrote ${formatBytes(payload.length)} to ${options.out}${isImportable(kind) ? ` (${payloadName(kind, payload.length)}: check it with \`airlock import ${options.out} --dry-run\`)` : ''}`,
  );
}

/** What `--json` says of a code's text: the text, or the parts of an address code. */
function textJson(text: string) {
  const kind = describeText(text);
  if (kind?.kind !== 'address') return { kind: 'text', text };
  const { address, genesisHash, name } = kind.qr;
  return { kind: 'address', address, network: kind.network?.name ?? null, genesisHash, name: name ?? null };
}

/** A code's text, or the parts of an address code; what the code says is shown escaped where it could act on the terminal. */
function printText(text: string): void {
  const kind = describeText(text);
  if (kind?.kind !== 'address') return say(printable(text, { multiline: true }));
  const { qr, network } = kind;
  say(`address:  ${printable(qr.address)}`);
  say(`network:  ${network ? `${network.displayName} (${network.name})` : `unknown (genesis hash ${qr.genesisHash})`}`);
  if (qr.name) say(`name:     ${printable(qr.name)}`);
  // The name to type is the one the address book would keep: without the controls a person cannot type.
  const name = qr.name === undefined ? 'NAME' : nameFromFile(qr.name, 'NAME');
  const quote = (word: string) => `'${word.replace(/'/gu, `'\\''`)}'`;
  say(
    `to keep it in the address book: airlock address add --name ${quote(name)}${network ? ` --network ${network.name}` : ''} ${printable(qr.address)}`,
  );
}

/** The live count while reading; with `others`, the final one, naming what was skipped. */
function progressLine(tally: ReadTally, progress: Progress, others?: readonly TransferSeen[]): string {
  const skipped = skippedCount(tally);
  const parts = [`read ${countOf(tally.pictures, 'picture')}`, countOf(tally.new, 'frame')];
  if (skipped > 0) parts.push(`${skipped} skipped${others ? ` (${skippedParts(tally, others).join(', ')})` : ''}`);
  return `${parts.join(', ')}: ${Math.floor(progress.fraction * 100)}% complete`;
}
