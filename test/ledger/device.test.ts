/**
 * The Ledger through the real Speculos transport and the real Polkadot app wrapper, against
 * the APDU-level emulator (test/helpers/ledger-emulator.ts): addresses, and every status word
 * and connection failure turned into its own message.
 */
import { createServer, type AddressInfo } from 'node:net';
import { hdLedger } from '@polkadot/util-crypto/hd/ledger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolkadotApp, loadSpeculosTransport } from '../../src/ledger/load.js';
import { scanLedger, showOnLedger } from '../../src/ledger/polkadot-app.js';
import { recoverLedgerAddresses } from '../../src/ledger/recover.js';
import { parseTransport, type TransportSpec } from '../../src/ledger/transport.js';
import vectors from '../fixtures/ledger-hd-vectors.json' with { type: 'json' };
import { startLedgerEmulator, SW, type LedgerEmulator } from '../helpers/ledger-emulator.js';

const WORDS = vectors.mnemonics.MNE_1;
let emulator: LedgerEmulator;
let transport: TransportSpec;

beforeAll(async () => {
  emulator = await startLedgerEmulator({ mnemonic: WORDS });
  transport = parseTransport(emulator.transport);
});
afterAll(() => emulator.close());

/** Each test sets the behaviour it needs; the emulator is shared. */
const device = (change: Parameters<LedgerEmulator['behave']>[0] = {}) => {
  emulator.behave({ status: undefined, reject: false, silent: false, ...change });
  return { transport, timeoutMs: 2000 };
};

describe('Ledger through the Speculos transport', () => {
  it('scans exactly the addresses hdLedger gives, and the ones offline recovery gives', async () => {
    const progress: string[] = [];
    const found = await scanLedger({
      ...device(),
      accounts: 3,
      index: 0,
      ss58Prefix: 0,
      onAddress: (a) => progress.push(a.path),
    });
    expect(progress).toEqual(["m/44'/354'/0'/0'/0'", "m/44'/354'/1'/0'/0'", "m/44'/354'/2'/0'/0'"]);
    for (const f of found)
      expect(f.publicKey).toBe(`0x${Buffer.from(hdLedger(WORDS, f.path).publicKey).toString('hex')}`);
    expect(found).toEqual(recoverLedgerAddresses({ phrase: WORDS, accounts: 3, index: 0, ss58Prefix: 0 }));
    // Another address index, encoded for Kusama.
    const [kusama] = await scanLedger({ ...device(), accounts: 1, index: 7, ss58Prefix: 2 });
    expect(kusama!.address).toBe(
      recoverLedgerAddresses({ phrase: WORDS, accounts: 1, index: 7, ss58Prefix: 2 })[0]!.address,
    );
  });

  it('asks the device to show an address, and reports a rejection on the device', async () => {
    emulator.shown.length = 0;
    const shown = await showOnLedger({ ...device(), account: 1, index: 0, ss58Prefix: 42 });
    expect(shown.path).toBe("m/44'/354'/1'/0'/0'");
    expect(emulator.shown).toEqual(["m/44'/354'/1'/0'/0'"]);
    await expect(showOnLedger({ ...device({ reject: true }), account: 0, index: 0, ss58Prefix: 42 })).rejects.toThrow(
      /^rejected on the Ledger$/,
    );
  });

  it.each([
    ['0x5515', SW.LOCKED, /^the Ledger is locked$/],
    ['0x6e01', SW.APP_NOT_OPEN, /^the Polkadot app is not open on the Ledger$/],
    ['0x6d00', SW.INS_NOT_SUPPORTED, /^the Polkadot app is not open on the Ledger$/],
    ['0x6986', SW.REJECTED, /^rejected on the Ledger$/],
    ['0x6f00', 0x6f00, /^the Ledger answered with status 0x6f00/],
  ])('maps status word %s to its message', async (_label, status, message) => {
    await expect(scanLedger({ ...device({ status }), accounts: 1, index: 0, ss58Prefix: 42 })).rejects.toThrow(message);
  });

  it('says when the device never answers, within the timeout', async () => {
    const started = Date.now();
    await expect(
      scanLedger({ ...device({ silent: true }), timeoutMs: 300, accounts: 1, index: 0, ss58Prefix: 42 }),
    ).rejects.toThrow(/^the Ledger did not answer within 0.3 s$/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('says when the emulator is not reachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(
      scanLedger({
        transport: parseTransport(`speculos://127.0.0.1:${port}`),
        timeoutMs: 2000,
        accounts: 1,
        index: 0,
        ss58Prefix: 42,
      }),
    ).rejects.toThrow(`the Speculos emulator at 127.0.0.1:${port} is not reachable (ECONNREFUSED)`);
  });

  it('answers the app-info and version requests the Zondax app sends', async () => {
    device();
    const SpeculosTransport = await loadSpeculosTransport();
    const PolkadotGenericApp = await loadPolkadotApp();
    const open = await SpeculosTransport.open({ apduPort: emulator.port });
    try {
      const app = new PolkadotGenericApp(open);
      await expect(app.appInfo()).resolves.toMatchObject({ appName: 'Polkadot', appVersion: '100.0.5' });
      await expect(app.getVersion()).resolves.toMatchObject({ major: 100, minor: 0, patch: 5, deviceLocked: false });
    } finally {
      await open.close();
    }
  });
});

describe('transport names', () => {
  it('reads hid and speculos://HOST:PORT, and refuses anything else as a usage error', () => {
    expect(parseTransport('hid')).toEqual({ kind: 'hid' });
    expect(parseTransport('speculos://localhost:9999')).toEqual({ kind: 'speculos', host: 'localhost', port: 9999 });
    expect(parseTransport('speculos://[::1]:40000')).toEqual({ kind: 'speculos', host: '::1', port: 40000 });
    for (const bad of ['usb', 'speculos://host', 'tcp://127.0.0.1:9999', 'speculos://h:1/x']) {
      expect(() => parseTransport(bad), bad).toThrow(/unknown transport/);
    }
  });
});
