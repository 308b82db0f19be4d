import type { Command } from 'commander';
import { lazy } from './lazy.js';

const qr = () => import('../qr.js');

export function registerQrCommands(program: Command): void {
  const group = program
    .command('qr')
    .description('across the air gap: QR codes out on the terminal, pictures of QR codes in');
  group
    .command('show')
    .description(
      "show an account's address as a QR code, or a file as animated QR frames (on the terminal's alternate screen)",
    )
    .option('--account <address-or-name>', 'the account whose address to show (substrate:ADDRESS:0xGENESIS:NAME)')
    .option('--network <network>', "the network to encode the address for (default: the account's)")
    .option('--file <file>', 'a file (a backup) to send as fountain-coded frames (ur:bytes)')
    .option(
      '--dense',
      'with --file: dense frames, about 1.4× faster, which only `airlock qr read` reads (f switches while showing)',
    )
    .option('--fps <n>', 'frames per second (default: 8)')
    .action(lazy(qr, 'showQr'));
  group
    .command('read')
    .description(
      'read QR codes from PNG or JPEG pictures and folders of them, in any order, or from a camera, and put the transfer together',
    )
    .argument('[picture-or-folder...]')
    .option(
      '--camera <device-or-video>',
      'read what a camera (/dev/video0) or a video file shows, through ffmpeg, until the transfer is complete',
    )
    .option(
      '--transfer <id>',
      'when the pictures hold several transfers, the one to read, by the id they are listed with',
    )
    .option('--out <file>', 'write what the codes carry to this file')
    .option('--force', 'replace --out if it exists')
    .option('--json', 'one JSON document: the text or address the codes hold, or the file written')
    .action(lazy(qr, 'readQr'));
}
