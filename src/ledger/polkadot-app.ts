import { encodeAddress } from '@polkadot/util-crypto/address/encode';
import { describeLedgerFailure, LedgerError, statusWordError, timedOut } from './errors.js';
import { loadPolkadotApp, quietly, quietlySync, type Transport } from './load.js';
import { ledgerPath } from './paths.js';
import { openTransport, type TransportSpec } from './transport.js';

/** One address as the device gave it. */
export interface LedgerAddress {
  account: number;
  index: number;
  path: string;
  /** 0x hex, 32 bytes (ed25519). */
  publicKey: string;
  address: string;
}

export interface DeviceOptions {
  transport: TransportSpec;
  /** How long one request may take: the device may be waiting for a person. */
  timeoutMs: number;
  /** Abandons the work: the request under way is no longer waited for, and the transport is closed. */
  signal?: AbortSignal;
}

/** How long a scan waits for each answer, and how long a person may take to compare an address on the device. */
export const SCAN_TIMEOUT_MS = 30_000;
export const SHOW_TIMEOUT_MS = 120_000;

type GenericApp = InstanceType<Awaited<ReturnType<typeof loadPolkadotApp>>>;

/**
 * The Polkadot (generic) app on an open transport; every call bounded in time and its failure
 * explained. Only `withLedger` makes one, so the transport under it is always closed.
 */
class PolkadotLedger {
  constructor(
    private readonly app: GenericApp,
    private readonly timeoutMs: number,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /** Asks the app its version first: a locked device or another app answers here, before any address. */
  async checkReady(): Promise<void> {
    const version = await this.call(() => this.app.getVersion());
    if (version.deviceLocked) throw statusWordError(0x5515);
  }

  /** The address at `m/44'/354'/account'/0'/index'`; with `show`, the device displays it and waits for the person. */
  async address(account: number, index: number, ss58Prefix: number, show = false): Promise<LedgerAddress> {
    const path = ledgerPath(account, index);
    const answer = await this.call(() => this.app.getAddress(path, ss58Prefix, show));
    const publicKey = Buffer.from(answer.pubKey, 'hex');
    // The device encodes the address itself; it must be the one its public key gives.
    if (publicKey.length !== 32 || encodeAddress(publicKey, ss58Prefix) !== answer.address) {
      throw new LedgerError(
        `the Ledger gave an address that does not match its public key at ${path}`,
        'update the Polkadot app and try again',
      );
    }
    return { account, index, path, publicKey: `0x${publicKey.toString('hex')}`, address: answer.address };
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    const { signal } = this;
    signal?.throwIfAborted();
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timedOut(this.timeoutMs / 1000)), this.timeoutMs);
      // The catch below throws the signal's own reason in place of this one.
      onAbort = () => reject(new Error('abandoned'));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([quietly(request), deadline]);
    } catch (error) {
      // Abandoned on purpose: not a failure of the device to explain.
      if (signal?.aborted) throw signal.reason;
      throw describeLedgerFailure(error);
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }
}

export type { PolkadotLedger };

/** Opens the transport, runs `work` with the app, and always closes the transport. */
export async function withLedger<T>(options: DeviceOptions, work: (ledger: PolkadotLedger) => Promise<T>): Promise<T> {
  options.signal?.throwIfAborted();
  const transport = await openTransport(options.transport, options.timeoutMs);
  try {
    options.signal?.throwIfAborted();
    const PolkadotGenericApp = await loadPolkadotApp();
    // The constructor prints a deprecation notice for hw-transport transports: kept quiet.
    const app = quietlySync(() => new PolkadotGenericApp(transport));
    const ledger = new PolkadotLedger(app, options.timeoutMs, options.signal);
    await ledger.checkReady();
    return await work(ledger);
  } finally {
    await closeQuietly(transport);
  }
}

async function closeQuietly(transport: Transport): Promise<void> {
  try {
    await quietly(() => transport.close());
  } catch {
    // Closing a transport whose device is gone is not worth a second error.
  }
}

export interface ScanRequest extends DeviceOptions {
  accounts: number;
  index: number;
  ss58Prefix: number;
  /** Called as each address arrives, for progress. */
  onAddress?: (address: LedgerAddress) => void;
}

/** Accounts 0..accounts-1 at one address index, one request each. */
export function scanLedger(request: ScanRequest): Promise<LedgerAddress[]> {
  return withLedger(request, async (ledger) => {
    const found: LedgerAddress[] = [];
    for (let account = 0; account < request.accounts; account++) {
      const address = await ledger.address(account, request.index, request.ss58Prefix);
      found.push(address);
      request.onAddress?.(address);
    }
    return found;
  });
}

export interface ShowRequest extends DeviceOptions {
  account: number;
  index: number;
  ss58Prefix: number;
  /** Called once the address is known, before the device asks the person (who compares the two). */
  onAddress?: (address: LedgerAddress) => void;
}

/** Reads the address, then has the device display it until the person approves (or rejects) it. */
export function showOnLedger(request: ShowRequest): Promise<LedgerAddress> {
  return withLedger(request, async (ledger) => {
    const address = await ledger.address(request.account, request.index, request.ss58Prefix);
    request.onAddress?.(address);
    const shown = await ledger.address(request.account, request.index, request.ss58Prefix, true);
    if (shown.publicKey !== address.publicKey)
      throw new LedgerError('the Ledger showed a different address than it reported');
    return shown;
  });
}
