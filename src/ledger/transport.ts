import { UsageError, UserError } from '../errors.js';
import { describeLedgerFailure, emulatorUnreachable, libusbMissing, SOCKET_FAILURES, timedOut } from './errors.js';
import { loadHidTransport, loadSpeculosTransport, quietly, type Transport } from './load.js';

/** Where the device is: on USB, or a Speculos emulator's APDU port (named by the user: the only socket airlock opens). */
export type TransportSpec = { kind: 'hid' } | { kind: 'speculos'; host: string; port: number };

export const TRANSPORT_HELP = "hid (a Ledger on USB, the default) or speculos://HOST:PORT (the emulator's APDU port)";

export function parseTransport(text: string): TransportSpec {
  if (text === 'hid') return { kind: 'hid' };
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  const port = url?.port ? Number(url.port) : Number.NaN;
  if (
    url?.protocol !== 'speculos:' ||
    !url.hostname ||
    !Number.isInteger(port) ||
    url.pathname.replace(/^\/$/u, '') !== ''
  ) {
    throw new UsageError(`unknown transport "${text}"`, `use ${TRANSPORT_HELP}`);
  }
  // URL keeps the brackets of an IPv6 literal; the socket wants the bare address.
  return { kind: 'speculos', host: url.hostname.replace(/^\[(.*)\]$/u, '$1'), port };
}

/** A Speculos emulator's APDU port as a person types it: HOST:PORT, an IPv6 host in brackets. */
export function parseSpeculosAddress(text: string): TransportSpec {
  const typed = text.trim();
  const spec = typed ? tryParse(`speculos://${typed}`) : undefined;
  if (spec?.kind === 'speculos' && spec.port > 0) return spec;
  throw new UserError(
    typed ? `"${typed}" is not HOST:PORT` : 'no emulator address',
    "type the emulator's APDU port as HOST:PORT, e.g. 127.0.0.1:9999",
  );
}

function tryParse(text: string): TransportSpec | undefined {
  try {
    return parseTransport(text);
  } catch {
    return undefined;
  }
}

export function describeTransport(spec: TransportSpec): string {
  return spec.kind === 'hid'
    ? 'USB'
    : `speculos://${spec.host.includes(':') ? `[${spec.host}]` : spec.host}:${spec.port}`;
}

/** Opens the transport, with every failure turned into a message the user can act on. */
export async function openTransport(spec: TransportSpec, timeoutMs: number): Promise<Transport> {
  return spec.kind === 'hid' ? openHid() : openSpeculos(spec, timeoutMs);
}

async function openHid(): Promise<Transport> {
  let TransportNodeHid: Awaited<ReturnType<typeof loadHidTransport>>;
  try {
    TransportNodeHid = await loadHidTransport();
  } catch (error) {
    // node-hid's native module links libusb-1.0; without it, the require itself fails.
    const message = (error as Error).message ?? String(error);
    if (/libusb/iu.test(message)) throw libusbMissing(message.split('\n')[0]!.trim());
    throw describeLedgerFailure(error);
  }
  try {
    return await quietly(() => TransportNodeHid.open(undefined as unknown as string));
  } catch (error) {
    throw describeLedgerFailure(error);
  }
}

async function openSpeculos(spec: Extract<TransportSpec, { kind: 'speculos' }>, timeoutMs: number): Promise<Transport> {
  const SpeculosTransport = await loadSpeculosTransport();
  const where = describeTransport(spec).slice('speculos://'.length);
  let expired = false;
  const opening = quietly(() => SpeculosTransport.open({ apduPort: spec.port, host: spec.host }));
  // A connection that opens after the deadline is closed, not left holding the process open.
  opening.then(
    (late) => expired && void late.close(),
    () => undefined,
  );
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = true;
      reject(timedOut(timeoutMs / 1000));
    }, timeoutMs);
  });
  try {
    return await Promise.race([opening, deadline]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code && SOCKET_FAILURES.has(code)) throw emulatorUnreachable(where, code);
    throw describeLedgerFailure(error);
  } finally {
    clearTimeout(timer);
  }
}
