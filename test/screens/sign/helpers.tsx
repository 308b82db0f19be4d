/** The Sign section in the shell, and requests as the senders make them, photographed as QR pictures. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { u8aToHex } from '@polkadot/util';
import QRCode from 'qrcode';
import { addMetadata, readMetadataFile } from '../../../src/sign/metadata-store.js';
import * as actions from '../../../src/vault/actions.js';
import type { VaultSession } from '../../../src/vault/store.js';
import type { Screen } from '../../helpers/ink.js';
import { TAB } from '../../helpers/keys.js';
import { openShell } from '../../helpers/shell.js';

/** The app on `session`, opened at the Sign section's home. */
export async function openSign(session: VaultSession, size = { columns: 80, rows: 24 }): Promise<Screen> {
  const screen = await openShell(session, size);
  await screen.pressUntil('› Sign a request', TAB, TAB, TAB, TAB, TAB);
  return screen;
}

/** Each frame as a byte-mode QR code in a PNG of its own at M, as polkadot.js draws them: a phone's pictures of its screen. */
export async function framePictures(frames: readonly Uint8Array[], dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const [i, frame] of frames.entries()) {
    await QRCode.toFile(join(dir, `frame-${String(i).padStart(3, '0')}.png`), [{ data: frame, mode: 'byte' }], {
      errorCorrectionLevel: 'M',
      scale: 2,
    });
  }
  return dir;
}

/** Metadata as `state_getMetadata` answers it, saved as the hex text a person copies off an online node. */
export async function metadataFile(metadata: Uint8Array, path: string): Promise<string> {
  await writeFile(path, u8aToHex(metadata));
  return path;
}

/** Keeps `metadata` in the vault as `airlock metadata add` does, from a file saved under `dir`. */
export async function keepMetadata(session: VaultSession, metadata: Uint8Array, dir: string): Promise<void> {
  const file = await metadataFile(metadata, join(dir, `metadata-${metadata.length}.hex`));
  await addMetadata(session, await readMetadataFile(file), file);
}

/** `alice` (//Alice) on Polkadot, of the dev identity. */
export async function withAlice(session: VaultSession): Promise<VaultSession> {
  await actions.deriveAccount(session, {
    identity: 'dev',
    name: 'alice',
    type: 'sr25519',
    path: '//Alice',
    network: 'polkadot',
  });
  return session;
}
