/** The QR screens in the shell, driven by keys, and what a phone would read off their frames. */
import { expect } from 'vitest';
import * as actions from '../../../src/vault/actions.js';
import type { VaultSession } from '../../../src/vault/store.js';
import type { Screen } from '../../helpers/ink.js';
import { TAB } from '../../helpers/keys.js';
import { DARK_THEME, LIGHT_THEME, readQrPicture, terminalToImage, type Theme } from '../../helpers/qr-pixels.js';
import { openShell } from '../../helpers/shell.js';

export const POLKADOT_GENESIS = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';
export const KUSAMA_GENESIS = '0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe';

/** The app on `session`, opened at the QR section. */
export async function openQr(session: VaultSession, size = { columns: 80, rows: 24 }): Promise<Screen> {
  const screen = await openShell(session, size);
  await screen.pressUntil('QR codes', TAB, TAB, TAB, TAB);
  return screen;
}

/** What a phone pointed at the terminal reads now: the frame with its colours, painted and scanned. */
export function scan(screen: Screen, theme: Theme = DARK_THEME): string | undefined {
  return readQrPicture(terminalToImage(screen.colouredFrame().split('\n'), theme));
}

/** Scans under a dark and a light theme: the code carries its own colours, so both read it. */
export function scanBoth(screen: Screen): string | undefined {
  const dark = scan(screen, DARK_THEME);
  expect(scan(screen, LIGHT_THEME)).toBe(dark);
  return dark;
}

/** The frame counter of the player's status line. */
export function frameNumber(frame: string): number {
  const match = /frame (\d+) · /u.exec(frame);
  if (!match) expect.fail(`no frame counter in:\n${frame}`);
  return Number(match[1]);
}

/** `alice` (//Alice) on Polkadot and `bob` (//Bob) on generic Substrate, of the dev identity. */
export async function withAliceAndBob(session: VaultSession): Promise<VaultSession> {
  await actions.deriveAccount(session, {
    identity: 'dev',
    name: 'alice',
    type: 'sr25519',
    path: '//Alice',
    network: 'polkadot',
  });
  await actions.deriveAccount(session, { identity: 'dev', name: 'bob', type: 'sr25519', path: '//Bob' });
  return session;
}
