import { UserError } from '../errors.js';

/**
 * Everything that can go wrong between airlock and a Ledger, as one line a person can act on.
 * The libraries report status words (the device's answer), transport ids and socket errors;
 * each is mapped here, and anything unknown still names the status word it came with.
 */
export class LedgerError extends UserError {
  override readonly name = 'LedgerError';
  override readonly code = 'ledger';
}

const UNLOCK = 'unlock it with its PIN, open the Polkadot app and try again';
// Said by the command line and the app alike: neither names the way to try again.
const REJECTED_HINT = 'nothing was changed; try again and approve it on the device';

/** Status words of the device (ISO 7816 and Ledger's own) that a person can do something about. */
const STATUS_MESSAGES: Record<number, [string, string]> = {
  0x5515: ['the Ledger is locked', UNLOCK],
  0x6982: ['the Ledger is locked', UNLOCK],
  0x6e01: ['the Polkadot app is not open on the Ledger', 'open the Polkadot app on the device and try again'],
  0x6e00: ['the Polkadot app is not open on the Ledger', 'open the Polkadot app on the device and try again'],
  0x6d00: ['the Polkadot app is not open on the Ledger', 'open the Polkadot app on the device and try again'],
  0x6511: ['the Polkadot app is not open on the Ledger', 'open the Polkadot app on the device and try again'],
  0x6985: ['rejected on the Ledger', REJECTED_HINT],
  0x6986: ['rejected on the Ledger', REJECTED_HINT],
};

const SOCKET_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
]);

export function statusWordError(statusWord: number, detail?: string): LedgerError {
  const known = STATUS_MESSAGES[statusWord];
  if (known) return new LedgerError(known[0], known[1]);
  const hex = `0x${statusWord.toString(16).padStart(4, '0')}`;
  return new LedgerError(
    `the Ledger answered with status ${hex}${detail ? ` (${detail})` : ''}`,
    'check that the Polkadot app is open and up to date, then try again',
  );
}

export function libusbMissing(cause: string): LedgerError {
  return new LedgerError(
    `the USB library libusb cannot be loaded (${cause})`,
    'install it (Debian/Ubuntu: apt-get install libusb-1.0-0; Fedora: dnf install libusb1) and try again',
  );
}

export function noDevice(): LedgerError {
  return new LedgerError('no Ledger found on USB', 'connect it, unlock it and open the Polkadot app, then try again');
}

export function emulatorUnreachable(where: string, code: string): LedgerError {
  return new LedgerError(
    `the Speculos emulator at ${where} is not reachable (${code})`,
    'start it with its APDU port open (speculos --apdu-port PORT) or check the address',
  );
}

export function timedOut(seconds: number): LedgerError {
  return new LedgerError(
    `the Ledger did not answer within ${seconds} s`,
    'unlock it, open the Polkadot app and approve any request on its screen; or reconnect it and try again',
  );
}

/** Maps whatever a Ledger call threw; UserErrors (ours) pass through unchanged. */
export function describeLedgerFailure(error: unknown): UserError {
  if (error instanceof UserError) return error;
  const fields = (typeof error === 'object' && error !== null ? error : {}) as {
    returnCode?: unknown;
    statusCode?: unknown;
    errorMessage?: unknown;
    id?: unknown;
    code?: unknown;
    message?: unknown;
  };
  const statusWord = typeof fields.returnCode === 'number' ? fields.returnCode : fields.statusCode;
  // 0xffff is ledger-js's own "unknown transport error": the connection failed mid-call.
  if (statusWord === 0xffff) return disconnected();
  if (typeof statusWord === 'number')
    return statusWordError(statusWord, typeof fields.errorMessage === 'string' ? fields.errorMessage : undefined);
  if (fields.id === 'NoDevice') return noDevice();
  if (fields.id === 'DisconnectedDevice' || fields.id === 'DisconnectedDeviceDuringOperation') return disconnected();
  const message = typeof fields.message === 'string' ? fields.message : String(error);
  if (/libusb/iu.test(message)) return libusbMissing(firstLine(message));
  if (/cannot open device/iu.test(message)) {
    return new LedgerError(
      'the Ledger is connected but cannot be opened',
      "another program may hold it (close Ledger Live), or this user lacks access (install Ledger's udev rules)",
    );
  }
  if (typeof fields.code === 'string' && SOCKET_FAILURES.has(fields.code)) return disconnected(fields.code);
  return new LedgerError(`the Ledger call failed: ${firstLine(message)}`, 'reconnect the device and try again');
}

export { SOCKET_FAILURES };

function disconnected(code?: string): LedgerError {
  return new LedgerError(
    `the connection to the Ledger was lost${code ? ` (${code})` : ''}`,
    'reconnect it and try again',
  );
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
