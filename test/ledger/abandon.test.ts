/**
 * What the app needs of the Ledger code besides what the command line does: addresses derived
 * one at a time with progress, and device work or derivations abandoned through a signal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanLedger } from '../../src/ledger/polkadot-app.js';
import { deriveLedgerAddresses, recoverLedgerAddresses } from '../../src/ledger/recover.js';
import { parseSpeculosAddress, parseTransport } from '../../src/ledger/transport.js';
import vectors from '../fixtures/ledger-hd-vectors.json' with { type: 'json' };
import { startLedgerEmulator, type LedgerEmulator } from '../helpers/ledger-emulator.js';
import { expectThroughout } from '../helpers/wait.js';

const WORDS = vectors.mnemonics.MNE_1;

describe('deriving a Ledger offline, one account at a time', () => {
  it('gives what recoverLedgerAddresses gives, reporting each as it comes', async () => {
    const seen: number[] = [];
    const found = await deriveLedgerAddresses({
      phrase: WORDS,
      accounts: 3,
      index: 1,
      ss58Prefix: 2,
      onAddress: (a) => seen.push(a.account),
    });
    expect(found).toEqual(recoverLedgerAddresses({ phrase: WORDS, accounts: 3, index: 1, ss58Prefix: 2 }));
    expect(seen).toEqual([0, 1, 2]);
  });

  it('stops before the next account once abandoned', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const work = deriveLedgerAddresses({
      phrase: WORDS,
      accounts: 50,
      index: 0,
      ss58Prefix: 42,
      signal: controller.signal,
      onAddress: (a) => {
        seen.push(a.account);
        if (a.account === 1) controller.abort();
      },
    });
    await expect(work).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([0, 1]);
  });
});

describe('a scan abandoned while the device answers', () => {
  const replyMs = 60;
  let emulator: LedgerEmulator;
  beforeAll(async () => {
    emulator = await startLedgerEmulator({ mnemonic: WORDS, delayMs: replyMs });
  });
  afterAll(() => emulator.close());

  it('rejects at once, as an abort and not as a device failure, and asks nothing more', async () => {
    const controller = new AbortController();
    const work = scanLedger({
      transport: parseTransport(emulator.transport),
      timeoutMs: 5000,
      accounts: 20,
      index: 0,
      ss58Prefix: 42,
      signal: controller.signal,
      onAddress: () => controller.abort(),
    });
    await expect(work).rejects.toMatchObject({ name: 'AbortError' });
    const asked = emulator.apdus.length;
    // For as long as four replies would take: a scan still running would have asked again after each.
    await expectThroughout(4 * replyMs, () => expect(emulator.apdus.length).toBe(asked));
  });
});

describe('an emulator address as typed', () => {
  it('is HOST:PORT, an IPv6 host in brackets', () => {
    expect(parseSpeculosAddress(' 127.0.0.1:9999 ')).toEqual({ kind: 'speculos', host: '127.0.0.1', port: 9999 });
    expect(parseSpeculosAddress('[::1]:40000')).toEqual({ kind: 'speculos', host: '::1', port: 40000 });
  });

  it.each([
    ['', /^no emulator address$/],
    ['localhost', /"localhost" is not HOST:PORT/],
    ['host:0', /not HOST:PORT/],
    ['a:99999', /not HOST:PORT/],
    ['a:1/x', /not HOST:PORT/],
  ])('%j is refused', (text, message) => {
    expect(() => parseSpeculosAddress(text)).toThrow(message);
  });
});
