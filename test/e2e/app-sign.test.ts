/**
 * The Sign section in a real terminal at 80×24: a transfer made by polkadot.js's own code from
 * Polkadot's real metadata, photographed as QR pictures, read by the app, reviewed, signed with
 * y, and the answer's QR code captured from tmux and read by a decoder as the sender's scanner
 * would; the signature it holds is one the sender accepts, and nothing of it stays in the scrollback.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';
import { afterAll, expect, it } from 'vitest';
import { OWNER, airlockOk, createVault } from '../helpers/cli.js';
import { ALICE, BOB } from '../helpers/dev-keys.js';
import { DARK_THEME, LIGHT_THEME, readQrPicture, terminalToImage } from '../helpers/qr-pixels.js';
import { CMD_TRANSACTION, polkadotJsFrames, polkadotJsRequest } from '../helpers/sign-requests.js';
import { chainFixture, extrinsicPayload } from '../helpers/sign-transactions.js';
import { openTerminal, type Terminal } from '../helpers/tmux.js';
import { framePictures, metadataFile } from '../screens/sign/helpers.js';

let terminal: Terminal | undefined;
afterAll(() => terminal?.close());

it('signs a transfer from QR pictures to the answer’s code, read back from the terminal', async () => {
  await cryptoWaitReady();
  const root = await mkdtemp(join(tmpdir(), 'airlock-app-sign-'));
  const vault = await createVault(join(root, 'vault.json'), { devIdentity: true });
  await airlockOk(
    ['account', 'derive', '--identity', 'dev', '--name', 'alice', '--path', '//Alice', '--network', 'polkadot'],
    { vault, env: OWNER },
  );
  const polkadot = chainFixture('polkadot', 15);
  await airlockOk(['metadata', 'add', await metadataFile(polkadot.metadata, join(root, 'polkadot.hex'))], {
    vault,
    env: OWNER,
  });
  const method = polkadot.api.tx.balances!.transferKeepAlive!(BOB.publicKey, 25_000_000_000n);
  const payload = extrinsicPayload(polkadot, method, { nonce: 7 });
  const request = polkadotJsRequest(ALICE.publicKey, CMD_TRANSACTION, payload.toU8a(), polkadot.chain.genesisHash);
  const pictures = await framePictures(polkadotJsFrames(request), join(root, 'request'));

  terminal = await openTerminal({ args: ['--vault', vault] });
  const t = terminal;
  await t.waitFor('Unlock the vault');
  await t.type(OWNER.AIRLOCK_PASSWORD);
  await t.keys('Enter');
  await t.waitFor('Identities ·');
  // One section at a time: keys typed ahead of a screen change are dropped.
  for (const section of ['Accounts ·', 'Address book ·', 'Backups ·', 'QR ·', 'Sign ·']) {
    await t.keys('Tab');
    await t.waitFor(section);
  }
  await t.waitFor('› Sign a request');
  await t.keys('Enter');
  await t.waitFor('Request:');
  await t.keys('C-u');
  await t.type(pictures);
  await t.keys('Enter');
  const review = await t.waitFor('Type y to sign it, Esc to refuse it', 30_000);
  expect(review).toContain('Balances.transfer_keep_alive');
  expect(review).toContain('2.5 DOT');
  expect(review).toContain(BOB.polkadot);
  expect(review).toContain('Sign with alice (sr25519) on Polkadot Relay Chain?');

  // To the end of what is signed (where it is longer than the screen), then y.
  await t.type('G');
  await t.type('y');
  await t.waitFor('Signature by alice on Polkadot Relay Chain · q quit');
  const lines = (await t.colouredScreen()).split('\n');
  const read = readQrPicture(terminalToImage(lines, DARK_THEME));
  expect(readQrPicture(terminalToImage(lines, LIGHT_THEME))).toBe(read);
  expect(read).toBeDefined();
  const signature = read!.startsWith('0x') ? read! : `0x${read!}`;
  expect(signatureVerify(payload.toU8a({ method: true }), signature, ALICE.publicKey).isValid).toBe(true);

  await t.type('q');
  await t.waitFor('› Sign a request');
  await t.keys('C-c');
  expect(await t.exited()).toBe(0);
  expect(await t.history()).not.toMatch(/[▀▄█]/u);
});
