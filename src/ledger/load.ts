import { defaultExport } from '../commonjs.js';

/**
 * The Ledger packages, loaded only when a Ledger command runs. Their ESM builds do not import
 * under Node's ESM loader, so their CommonJS builds are named (`lib/`), which require the rest as
 * CommonJS too; a release's bundler follows the same imports.
 */
export type Transport = import('@ledgerhq/hw-transport').default;
type SpeculosTransportClass = typeof import('@ledgerhq/hw-transport-node-speculos').default;
type HidTransportClass = typeof import('@ledgerhq/hw-transport-node-hid').default;
type SubstrateModule = typeof import('@zondax/ledger-substrate');

export async function loadSpeculosTransport(): Promise<SpeculosTransportClass> {
  return defaultExport<SpeculosTransportClass>(
    await quietly(() => import('@ledgerhq/hw-transport-node-speculos/lib/SpeculosTransport')),
  );
}

/** Rejects when node-hid's native module cannot load (libusb missing): errors.ts tells the user. */
export async function loadHidTransport(): Promise<HidTransportClass> {
  return defaultExport<HidTransportClass>(
    await quietly(() => import('@ledgerhq/hw-transport-node-hid/lib/TransportNodeHid')),
  );
}

export async function loadPolkadotApp(): Promise<SubstrateModule['PolkadotGenericApp']> {
  return (await quietly(() => import('@zondax/ledger-substrate'))).PolkadotGenericApp;
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
let quietDepth = 0;
let saved: Pick<Console, (typeof CONSOLE_METHODS)[number]> | undefined;

function silence(): void {
  if (quietDepth++ > 0) return;
  saved = { ...console };
  for (const method of CONSOLE_METHODS) console[method] = () => undefined;
}

function restore(): void {
  if (--quietDepth > 0 || !saved) return;
  for (const method of CONSOLE_METHODS) console[method] = saved[method];
  saved = undefined;
}

/**
 * Runs `work` with the console muted: @zondax/ledger-js prints a deprecation notice through
 * `console.warn`, and nothing the Ledger libraries print may reach the user's terminal.
 */
export async function quietly<T>(work: () => Promise<T>): Promise<T> {
  silence();
  try {
    return await work();
  } finally {
    restore();
  }
}

/** `quietly` for work that returns at once, such as a constructor that warns. */
export function quietlySync<T>(work: () => T): T {
  silence();
  try {
    return work();
  } finally {
    restore();
  }
}
