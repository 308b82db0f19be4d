import { UsageError } from '../errors.js';

/** SLIP-44 coin type of the Polkadot (generic) Ledger app, for every chain it signs for. */
export const POLKADOT_COIN_TYPE = 354;

/** The BIP44 path the Polkadot app derives an account's address at: every level hardened. */
export function ledgerPath(account: number, index = 0): string {
  return `m/44'/${POLKADOT_COIN_TYPE}'/${account}'/0'/${index}'`;
}

/** Ledger's ed25519 derivation (SLIP-10) has hardened levels only. */
const HARDENED_BIP44 = /^m(\/\d+')+$/u;

export function isLedgerPath(path: string): boolean {
  return HARDENED_BIP44.test(path);
}

const MAX_INDEX = 0x7fffffff;

/** A count or index from the command line, within what a hardened BIP44 level holds. */
export function parseIndex(text: string, what: string, { min = 0, max = MAX_INDEX } = {}): number {
  const value = /^\d+$/u.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${what} must be a whole number from ${min} to ${max}, not "${text}"`);
  }
  return value;
}
