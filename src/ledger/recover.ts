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

/** The addresses a Ledger with these words gives, derived offline: the same list `scanLedger` reads from the device. */
export function recoverLedgerAddresses(request: RecoverRequest): LedgerAddress[] {
  return Array.from({ length: request.accounts }, (_, account) => {
    const path = ledgerPath(account, request.index);
    const publicKey = ledgerPublicKey(request.phrase, path, request.passphrase);
    return {
      account,
      index: request.index,
      path,
      publicKey: `0x${Buffer.from(publicKey).toString('hex')}`,
      address: encodeAddress(publicKey, request.ss58Prefix),
    };
  });
}
