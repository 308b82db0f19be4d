import * as actions from './actions.js';
import type { Network } from './networks.js';
import type { VaultSession } from './store.js';
import type { LedgerAddress } from '../ledger/polkadot-app.js';

/**
 * Keeping what a Ledger gave, or what its words gave, as an identity with its accounts: the
 * command line and the full-screen app save through here, so both name and store them alike.
 */

/** Said before a device's words are used: they no longer have the device's protection. */
export const SOFTWARE_WALLET_WARNING =
  "typing a Ledger's recovery phrase into a computer turns it into a software wallet: " +
  'these keys are now only as safe as this machine and this vault';

/** `nano-0`, `nano-1`, … (and `nano-0-4` for address index 4). */
export function ledgerAccountName(identity: string, found: LedgerAddress): string {
  return found.index === 0 ? `${identity}-${found.account}` : `${identity}-${found.account}-${found.index}`;
}

export function ledgerAccountRecords(
  identity: string,
  found: readonly LedgerAddress[],
  network: Network,
): actions.LedgerAccountRecord[] {
  return found.map((f) => ({
    name: ledgerAccountName(identity, f),
    path: f.path,
    publicKey: f.publicKey,
    network: network.name,
  }));
}

/** Public keys only, as a `ledger` identity: signing needs the device. */
export function saveScannedLedger(
  session: VaultSession,
  identity: string,
  found: readonly LedgerAddress[],
  network: Network,
) {
  return actions.saveLedgerIdentity(session, identity, ledgerAccountRecords(identity, found, network));
}

/**
 * The words (checked with `checkMnemonic`) and passphrase as a `mnemonic` identity, with the
 * accounts `found` derived from them. An empty passphrase is none; the caller wipes its bytes.
 */
export function saveRecoveredLedger(
  session: VaultSession,
  identity: string,
  secret: { phrase: string; passphrase?: Uint8Array },
  found: readonly LedgerAddress[],
  network: Network,
) {
  const passphrase = secret.passphrase?.length ? Buffer.from(secret.passphrase).toString('utf8') : undefined;
  return actions.saveRecoveredLedgerIdentity(
    session,
    identity,
    { phrase: secret.phrase, ...(passphrase ? { passphrase } : {}) },
    ledgerAccountRecords(identity, found, network),
  );
}

/** `Saved ledger identity "nano" with 2 accounts: nano-0, nano-1.` */
export function savedSummary(identity: string, kind: 'ledger' | 'mnemonic', found: readonly LedgerAddress[]): string {
  const names = found.map((f) => ledgerAccountName(identity, f)).join(', ');
  return `Saved ${kind} identity "${identity}" with ${found.length} account${found.length === 1 ? '' : 's'}: ${names}.`;
}
