import type { Command } from 'commander';
import { lazy } from './lazy.js';

const sign = () => import('../sign.js');

export function registerSignCommand(program: Command): void {
  program
    .command('sign')
    .description(
      'sign a transaction or message from a QR request (polkadot.js, Nova, Vault-style senders): shows what it does, asks, then shows the signature as a QR code',
    )
    .argument('[picture-or-folder...]', 'PNG or JPEG pictures of the request, or folders of them, in any order')
    .option(
      '--camera <device-or-video>',
      'read the request from a camera (/dev/video0) or a video file, through ffmpeg',
    )
    .option('--request <file>', 'read the request from a file (its bytes, or their hex) carried on removable media')
    .option('--yes', 'sign without asking (what is signed is still printed): for runbooks')
    .option('--out <file>', 'write the signature to this file as hex text instead of showing its QR code')
    .option('--force', 'replace --out if it exists')
    .option('--json', 'one JSON document: what was signed and the signature')
    .action(lazy(sign, 'signRequest'));
}
