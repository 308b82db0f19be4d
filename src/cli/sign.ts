import type { Command } from 'commander';
import { NoTerminalError, UsageError, UserError } from '../errors.js';
import { writeFileDurably } from '../media/durable-write.js';
import { fileExists } from '../media/file-exists.js';
import { printable } from '../printable.js';
import { QrShow } from '../qr/show.js';
import { readRequest, type RequestProgress, type RequestSource } from '../sign/read-request.js';
import { prepareSignature, signPrepared, signedJson, warmUp, type PreparedSignature } from '../sign/signing.js';
import { existingVaultPath, printJson, withVault } from './context.js';
import { playOnTerminal } from './qr-player.js';
import { askLine, hasTerminal } from './terminal.js';

interface SignOptions {
  camera?: string;
  request?: string;
  yes?: boolean;
  out?: string;
  force?: boolean;
  json?: boolean;
}

/** The answer's code holds a few hundred characters at most: it never animates. */
const ANSWER_FPS = 1;

/**
 * Reads a signing request, shows what it asks, asks (unless --yes), signs, and gives the
 * answer: its QR code on the alternate screen, or the signature's hex in --out. Under --json
 * what is signed goes to stderr, so that stdout is the one document.
 */
export async function signRequest(inputs: string[], options: SignOptions, command: Command): Promise<void> {
  const source = sourceOf(inputs, options);
  if (options.out && !options.force && (await fileExists(options.out))) {
    throw new UserError(`${options.out} already exists`, 'choose another --out, or add --force to replace it');
  }
  // Asked before anything is read: a script without --yes learns it at once.
  if (!options.yes && !hasTerminal()) {
    throw new NoTerminalError('signing asks for confirmation at the terminal', 'run it in a terminal, or add --yes');
  }
  const vaultPath = await existingVaultPath(command);
  const request = await readWithProgress(source);
  // The chain's metadata is parsed and the keyring loaded while the password is asked and scrypt runs.
  const warming = warmUp(vaultPath, request);
  const show = options.json
    ? (text: string) => process.stderr.write(text)
    : (text: string) => process.stdout.write(text);
  const { prepared, signature, qrText } = await withVault(command, async (session) => {
    await warming;
    const prepared = await prepareSignature(request, session);
    // Its texts come from the request and the chain: made printable where decoded, and here once more as a net.
    show(printable(summary(prepared), { multiline: true }));
    if (!options.yes) await confirm();
    return { prepared, ...(await signPrepared(prepared, session)) };
  });
  if (options.out) await writeFileDurably(options.out, new TextEncoder().encode(`${signature}\n`), { mode: 0o600 });
  if (options.json) return printJson(signedJson(prepared, signature));
  if (options.out) return void process.stdout.write(`Wrote the signature to ${options.out}\n`);
  process.stdout.write(`Signature: ${signature}\n`);
  const label = `Signature by ${prepared.account.name} · scan it with the wallet that asked`;
  await playOnTerminal(new QrShow({ kind: 'text', text: qrText, label }), ANSWER_FPS);
}

function sourceOf(inputs: string[], options: SignOptions): RequestSource {
  const given = [inputs.length > 0, options.camera !== undefined, options.request !== undefined].filter(Boolean);
  if (given.length !== 1)
    throw new UsageError('give the request as pictures or folders, or --camera DEVICE|VIDEO, or --request FILE');
  if (options.camera !== undefined) return { camera: options.camera };
  if (options.request !== undefined) return { file: options.request };
  return { pictures: inputs };
}

async function readWithProgress(source: RequestSource): Promise<Uint8Array> {
  const live = process.stderr.isTTY && !('file' in source);
  const onProgress = (p: RequestProgress) => process.stderr.write(`\r\x1b[K${progressLine(p)}`);
  try {
    return await readRequest(source, live ? { onProgress } : {});
  } finally {
    if (live) process.stderr.write('\r\x1b[K');
  }
}

function progressLine({ pictures, frames, percent, skipped }: RequestProgress): string {
  const seen = `${pictures} picture${pictures === 1 ? '' : 's'}, ${frames} frame${frames === 1 ? '' : 's'}`;
  return `Reading the request: ${seen}, ${percent}%${skipped ? ` (${skipped} skipped)` : ''}`;
}

/** The lines a person approves, indented as the call nests. */
function summary(prepared: PreparedSignature): string {
  return `${prepared.lines.map(({ depth, text }) => `${'  '.repeat(depth)}${text}`).join('\n')}\n\n`;
}

async function confirm(): Promise<void> {
  const typed = await askLine('Sign it? Type y to sign, anything else refuses: ');
  if (typed.trim().toLowerCase() !== 'y') throw new UserError('nothing was signed', 'run it again and type y to sign');
}
