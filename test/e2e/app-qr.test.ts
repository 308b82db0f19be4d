/**
 * The QR player in the full-screen app, in a real terminal: an account's address code is
 * captured from tmux with its colours and read as a phone would, at 80×24 and again after a
 * resize; q goes back to the account, and nothing of the code stays in the scrollback.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { OWNER, airlockOk, createVault } from '../helpers/cli.js';
import { ALICE } from '../helpers/dev-keys.js';
import { DARK_THEME, LIGHT_THEME, readQrPicture, terminalToImage } from '../helpers/qr-pixels.js';
import { openTerminal, type Terminal } from '../helpers/tmux.js';

const POLKADOT_GENESIS = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';

let terminal: Terminal | undefined;
afterAll(() => terminal?.close());

it("shows an account's address QR that reads back from the terminal, at 80×24 and after a resize", async () => {
  const vault = await createVault(join(await mkdtemp(join(tmpdir(), 'airlock-app-qr-')), 'vault.json'), {
    devIdentity: true,
  });
  await airlockOk(
    ['account', 'derive', '--identity', 'dev', '--name', 'alice', '--path', '//Alice', '--network', 'polkadot'],
    { vault, env: OWNER },
  );
  terminal = await openTerminal({ args: ['--vault', vault] });
  const t = terminal;
  const scan = async () => {
    const lines = (await t.colouredScreen()).split('\n');
    const dark = readQrPicture(terminalToImage(lines, DARK_THEME));
    expect(readQrPicture(terminalToImage(lines, LIGHT_THEME))).toBe(dark);
    return dark;
  };

  await t.waitFor('Unlock the vault');
  await t.type(OWNER.AIRLOCK_PASSWORD);
  await t.keys('Enter');
  await t.waitFor('Identities ·');
  await t.keys('Tab');
  await t.waitFor(/alice\s+15oF4u/u);
  await t.keys('Enter');
  await t.waitFor('c show as a QR code');
  await t.type('c');
  await t.waitFor(`alice on polkadot: ${ALICE.polkadot} · q quit`);
  expect(await scan()).toBe(`substrate:${ALICE.polkadot}:${POLKADOT_GENESIS}:alice`);

  await t.resize(120, 40);
  // Fitted again: the status line on the last of the 40 rows, the code centred above it.
  await t.waitFor(/^(?:.*\n){39}alice on polkadot: /u);
  expect(await scan()).toBe(`substrate:${ALICE.polkadot}:${POLKADOT_GENESIS}:alice`);

  await t.type('q');
  await t.waitFor('Public key');
  await t.keys('C-c');
  expect(await t.exited()).toBe(0);
  expect(await t.history()).not.toMatch(/[▀▄█]/u);
});
