import type { LedgerAddress } from '../../ledger/polkadot-app.js';
import { fit, shortenMiddle } from '../accounts/account-columns.js';

const ACCOUNT = 7;
// m/44'/354'/999'/0'/0'
const PATH = 21;
const GAPS = 4;
/** An SS58 address with a one-byte prefix; longer ones are cut in the middle. */
const WHOLE_ADDRESS = 48;

// The marker of the selected row, which shows without colour too.
const MARKER = 2;

const addressWidth = (width: number) => Math.max(13, Math.min(WHOLE_ADDRESS, width - MARKER - ACCOUNT - PATH - GAPS));

export function foundHeader(width: number): string {
  return `  ${'ACCOUNT'.padEnd(ACCOUNT)}  ${'PATH'.padEnd(PATH)}  ADDRESS`.slice(0, width);
}

/** `›       1  m/44'/354'/1'/0'/0'    5Gx…Qa`: the address shortened in the middle to fit `width`. */
export function foundRow(found: LedgerAddress, width: number, selected = false): string {
  const cells = `${String(found.account).padStart(ACCOUNT)}  ${fit(found.path, PATH)}  ${shortenMiddle(found.address, addressWidth(width))}`;
  return `${selected ? '›' : ' '} ${cells}`;
}

/** `3 of 5` */
export const progressText = (done: number, total: number) => `${done} of ${total}`;
