/**
 * Signing through the app, as a person does it: a request made by polkadot.js's own code from
 * Polkadot's real metadata, photographed as QR pictures, read, shown decoded, signed with y, and
 * the answer read off the screen as the sender's scanner reads it.
 */
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactFromU8a, hexToU8a } from '@polkadot/util';
import { blake2AsU8a, cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto';
import type { IMethod } from '@polkadot/types/types';
import { beforeAll, describe, expect, it } from 'vitest';
import * as actions from '../../../src/vault/actions.js';
import type { VaultSession } from '../../../src/vault/store.js';
import { ALICE, BOB } from '../../helpers/dev-keys.js';
import { expectFits, type Screen } from '../../helpers/ink.js';
import { CTRL_U, ENTER, ESC, PAGE_DOWN } from '../../helpers/keys.js';
import { content, prose } from '../../helpers/shell.js';
import { proofChain, proofRequestPayload, transactionPayload } from '../../helpers/proof-requests.js';
import {
  CMD_MESSAGE,
  CMD_TRANSACTION,
  polkadotJsFrames,
  polkadotJsRequest,
  uosRequest,
} from '../../helpers/sign-requests.js';
import { chainFixture, extrinsicPayload, type PayloadOptions } from '../../helpers/sign-transactions.js';
import { openTestVault } from '../../helpers/vault.js';
import { scan } from '../qr/helpers.js';
import { framePictures, keepMetadata, openSign, withAlice } from './helpers.js';

const polkadot = chainFixture('polkadot', 15);
const DOT = 10_000_000_000n;
let root = '';

beforeAll(async () => {
  await cryptoWaitReady();
  root = await mkdtemp(join(tmpdir(), 'airlock-sign-screen-'));
});

/** A vault with alice on Polkadot, bob in the address book, and Polkadot's metadata kept. */
async function signingVault(): Promise<VaultSession> {
  const session = await withAlice(await openTestVault({ dev: true }));
  await actions.addAddress(session, { name: 'bob savings', address: BOB.polkadot, network: 'polkadot', note: '' });
  await keepMetadata(session, polkadot.metadata, root);
  return session;
}

/** `method` asked of `signer` as polkadot.js apps asks it, as pictures in a folder; and what the signature covers. */
async function requestPictures(
  name: string,
  method: IMethod,
  signer: string = ALICE.publicKey,
  options: PayloadOptions = {},
) {
  const payload = extrinsicPayload(polkadot, method, { nonce: 4, ...options });
  const request = polkadotJsRequest(signer, CMD_TRANSACTION, payload.toU8a(), polkadot.chain.genesisHash);
  const dir = await framePictures(polkadotJsFrames(request), join(root, name));
  // What polkadot.js signs: call ‖ extensions, hashed with blake2-256 when longer than 256 bytes.
  const raw = payload.toU8a({ method: true });
  return { dir, signed: raw.length > 256 ? blake2AsU8a(raw) : raw, length: raw.length };
}

/** From the Sign home: the request's path typed, read, and its review on the screen. */
async function review(screen: Screen, dir: string, shows = 'Type y to sign it'): Promise<string> {
  await screen.pressUntil('Request:', ENTER);
  screen.type(CTRL_U);
  screen.type(dir);
  return screen.pressUntil(shows, ENTER);
}

/** y, once the end of what is signed has been shown: End first when it is longer than the screen. */
async function approve(screen: Screen, shows: string): Promise<string> {
  if (screen.frame().includes('read to the end')) await screen.pressUntil(/Rows \d+–(\d+) of \1(?!\d)/u, 'G');
  return screen.pressUntil(shows, 'y');
}

/** The answer's code as a scanner reads it, as the signature's 0x hex. */
function answer(screen: Screen): string {
  const text = scan(screen);
  expect(text).toBeDefined();
  return text!.startsWith('0x') ? text! : `0x${text!}`;
}

describe('signing a request in the app', () => {
  it('reads a transfer from QR pictures, shows it decoded, signs on y, and shows a signature the sender accepts', async () => {
    const session = await signingVault();
    const method = polkadot.api.tx.balances!.transferKeepAlive!(BOB.publicKey, (3n * DOT) / 2n);
    const { dir, signed } = await requestPictures('transfer', method);
    const screen = await openSign(session);

    const shown = await review(screen, dir);
    expectFits(shown);
    expect(content(shown)).toContain('Sign with alice (sr25519) on Polkadot Relay Chain?');
    expect(prose(shown)).toContain(`By alice (sr25519), ${ALICE.polkadot}`);
    expect(content(shown)).toContain('Balances.transfer_keep_alive');
    expect(prose(shown)).toContain(`dest: ${BOB.polkadot} (bob savings)`);
    expect(prose(shown)).toContain('1.5 DOT');
    expect(prose(shown)).toContain('Type y to sign it, Esc to refuse it');

    await approve(screen, 'Signature by alice on Polkadot Relay Chain');
    const signature = answer(screen);
    expect(signatureVerify(signed, signature, ALICE.publicKey).isValid).toBe(true);
    // sr25519 as a MultiSignature: the type byte 01, then 64 bytes.
    expect(hexToU8a(signature)).toHaveLength(65);
    expect(signature.startsWith('0x01')).toBe(true);

    const home = await screen.pressUntil('› Sign a request', ESC);
    expect(home).toContain('Signed with alice');
    screen.unmount();
    session.close();
  });

  it('scrolls a batch longer than the screen, a row, a page, to the end, and signs its payload of over 256 bytes', async () => {
    const session = await signingVault();
    const { tx } = polkadot.api;
    const calls = Array.from({ length: 8 }, (_, i) =>
      tx.balances!.transferKeepAlive!(BOB.publicKey, BigInt(i + 1) * DOT),
    );
    const { dir, signed, length } = await requestPictures('batch', tx.utility!.batchAll!(calls));
    expect(length).toBeGreaterThan(256);
    const screen = await openSign(session);

    const first = await review(screen, dir);
    expectFits(first);
    const rows = /Rows 1–(\d+) of (\d+)/u.exec(first);
    expect(rows).not.toBeNull();
    const [height, total] = [Number(rows![1]), Number(rows![2])];
    expect(total).toBeGreaterThan(height);
    expect(content(first)).toContain('Utility.batch_all');
    expect(content(first)).not.toContain('Spec version');
    expect(first).toContain('read to the end before signing');
    const early = await screen.pressUntil('Not signed:', 'y');
    expect(early).toContain(`Not signed: ${total - height} rows not shown yet; scroll to the end first`);
    expectFits(early);

    await screen.pressUntil('Rows 2–', 'j');
    await screen.pressUntil(`Rows ${height + 2}–`, PAGE_DOWN);
    const end = await screen.pressUntil(`–${total} of ${total}`, 'G');
    expect(content(end)).toContain('Spec version');
    expect(content(end)).toContain('8. Balances.transfer_keep_alive');
    expect(end).not.toContain('read to the end');
    expectFits(end);
    await screen.pressUntil('Rows 1–', 'g');

    await approve(screen, 'Signature by alice');
    expect(signatureVerify(signed, answer(screen), ALICE.publicKey).isValid).toBe(true);
    screen.unmount();
    session.close();
  });

  it('signs a transaction carrying a metadata proof with no metadata kept, saying the proof was checked', async () => {
    const session = await withAlice(await openTestVault({ dev: true }));
    const kusama = proofChain('kusama');
    const call = kusama.tx.balances!.transferKeepAlive!(BOB.publicKey, 2_000_000_000_000n);
    const request = uosRequest(
      0x01,
      0x06,
      hexToU8a(ALICE.publicKey),
      proofRequestPayload(kusama, call),
      kusama.genesisHash,
    );
    const dir = await framePictures(polkadotJsFrames(request), join(root, 'proof'));
    const screen = await openSign(session);

    const shown = await review(screen, dir);
    expectFits(shown);
    expect(prose(shown)).toContain('Decoded with the metadata proof the request carries');
    expect(prose(shown)).toContain('2 KSM');
    await approve(screen, 'Signature by alice');
    const payload = transactionPayload(kusama, call);
    const [offset] = compactFromU8a(payload);
    const raw = payload.slice(offset);
    const signed = raw.length > 256 ? blake2AsU8a(raw) : raw;
    expect(signatureVerify(signed, answer(screen), ALICE.publicKey).isValid).toBe(true);
    expect(session.data.metadata).toEqual([]);
    screen.unmount();
    session.close();
  });

  it('signs a message as its text, the answer a bare signature of it as polkadot.js signRaw wraps it', async () => {
    const session = await signingVault();
    const message = new TextEncoder().encode('<Bytes>I own this account</Bytes>');
    const request = polkadotJsRequest(ALICE.publicKey, CMD_MESSAGE, message, polkadot.chain.genesisHash);
    const dir = await framePictures(polkadotJsFrames(request), join(root, 'message'));
    const screen = await openSign(session);

    const shown = await review(screen, dir);
    expectFits(shown);
    expect(prose(shown)).toContain('Sign a message on Polkadot Relay Chain');
    expect(prose(shown)).toContain('I own this account');
    expect(prose(shown)).not.toContain('Rows ');

    await approve(screen, 'Message signature by alice');
    const signature = answer(screen);
    // sr25519 alone, no type byte: what signRaw gives back.
    expect(hexToU8a(signature)).toHaveLength(64);
    expect(signatureVerify('I own this account', signature, ALICE.publicKey).isValid).toBe(true);
    screen.unmount();
    session.close();
  });

  it('refuses a request for a key the vault does not hold, in one message, and signs nothing', async () => {
    const session = await signingVault();
    const { dir } = await requestPictures('not-ours', polkadot.api.tx.system!.remark!('0x1234'), BOB.publicKey);
    const screen = await openSign(session);
    await screen.pressUntil('Request:', ENTER);
    screen.type(CTRL_U);
    screen.type(dir);
    screen.type(ENTER);
    const refused = await screen.waitForFrame(
      (frame) => /Request:/u.test(frame) && frame.includes('✗'),
      'the refusal on the path step',
    );
    expect(content(refused)).not.toContain('Sign with');
    expect(prose(refused)).toMatch(/account|key/u);
    expectFits(refused);
    screen.unmount();
    session.close();
  });

  it('Esc while the pictures are read stops the reading, keeping nothing', async () => {
    const session = await signingVault();
    const calls = Array.from({ length: 40 }, () => polkadot.api.tx.system!.remark!(`0x${'ab'.repeat(64)}`));
    const payload = extrinsicPayload(polkadot, polkadot.api.tx.utility!.batch!(calls));
    const request = polkadotJsRequest(ALICE.publicKey, CMD_TRANSACTION, payload.toU8a(), polkadot.chain.genesisHash);
    const [first] = polkadotJsFrames(request);
    // The first of several frames photographed many times: the reading never completes on its own.
    const dir = await framePictures([first!], join(root, 'stopped'));
    for (let i = 1; i < 80; i++) await copyFile(join(dir, 'frame-000.png'), join(dir, `copy-${i}.png`));
    const screen = await openSign(session);
    await screen.pressUntil('Request:', ENTER);
    screen.type(CTRL_U);
    screen.type(dir);
    await screen.pressUntil('Reading', ENTER);
    const stopped = await screen.pressUntil('Stopped: nothing read was kept, nothing was signed.', ESC);
    expect(stopped).toContain('Request:');
    expectFits(stopped);
    screen.unmount();
    session.close();
  });

  it('Esc at the review refuses it: back at the path, nothing signed, the request dropped', async () => {
    const session = await signingVault();
    const { dir } = await requestPictures('refused', polkadot.api.tx.system!.remark!('0xabcd'));
    const screen = await openSign(session);
    await review(screen, dir);
    const refused = await screen.pressUntil('Refused: nothing was signed.', ESC);
    expect(refused).toContain('Request:');
    expect(refused).not.toContain('system.remark');
    // y now is a letter in the path field, not a signature.
    screen.type('y');
    await screen.waitFor(`${dir}y`);
    await screen.pressUntil('› Sign a request', ESC);
    screen.unmount();
    session.close();
  });
});
