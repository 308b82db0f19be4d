import { encodeAddress } from '@polkadot/util-crypto/address/encode';
import { ledgerPublicKey } from './derive.js';
import { ledgerPath } from './paths.js';
import type { LedgerAddress } from './polkadot-app.js';

export interface RecoverRequest {
  /** Checked with `checkMnemonic`. */
  phrase: string;
  /** Ledger's optional "25th word"; the caller wipes it. */
  passphrase?: Uint8Array;
  accounts: number;
  index: number;
  ss58Prefix: number;
}

export interface RecoverProgress {
  /** Called as each address is derived. */
  onAddress?: (address: LedgerAddress) => void;
  /** Stops before the next account. */
  signal?: AbortSignal;
}

/** The addresses a Ledger with these words gives, derived offline: the same list `scanLedger` reads from the device. */
export function recoverLedgerAddresses(request: RecoverRequest): LedgerAddress[] {
  return Array.from({ length: request.accounts }, (_, account) => recoverAccount(request, account));
}

/**
 * The same, one account at a time: each costs a PBKDF2 of the phrase, so the event loop gets a
 * turn between them (keys are read, progress is drawn) and the work can be abandoned.
 */
export async function deriveLedgerAddresses(request: RecoverRequest & RecoverProgress): Promise<LedgerAddress[]> {
  const found: LedgerAddress[] = [];
  for (let account = 0; account < request.accounts; account++) {
    await new Promise((resolve) => setImmediate(resolve));
    request.signal?.throwIfAborted();
    const address = recoverAccount(request, account);
    found.push(address);
    request.onAddress?.(address);
  }
  return found;
}

function recoverAccount(request: RecoverRequest, account: number): LedgerAddress {
  const path = ledgerPath(account, request.index);
  const publicKey = ledgerPublicKey(request.phrase, path, request.passphrase);
  return {
    account,
    index: request.index,
    path,
    publicKey: `0x${Buffer.from(publicKey).toString('hex')}`,
    address: encodeAddress(publicKey, request.ss58Prefix),
  };
}
