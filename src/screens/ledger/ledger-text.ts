import type { LedgerAddress } from '../../ledger/polkadot-app.js';
import { fit, shortenMiddle } from '../accounts/account-columns.js';

const ACCOUNT = 7;
// m/44'/354'/999'/0'/0'
const PATH = 21;
/** An SS58 address with a one-byte prefix; longer ones are cut in the middle. */
const WHOLE_ADDRESS = 48;

// The marker of the selected row, which shows without colour too.
const MARKER = 2;
const GAP = 2;

/**
 * Whether the PATH column fits beside whole addresses. Where it does not (80 columns), the rows
 * keep the account number, which is what their paths differ by, and the addresses whole: the
 * user compares those with ones known; the selected row's path is said under the list.
 */
export const showsPathColumn = (width: number) => width >= MARKER + ACCOUNT + GAP + PATH + GAP + WHOLE_ADDRESS;

const addressWidth = (width: number) =>
  Math.max(13, Math.min(WHOLE_ADDRESS, width - MARKER - ACCOUNT - GAP - (showsPathColumn(width) ? PATH + GAP : 0)));

export function foundHeader(width: number): string {
  const path = showsPathColumn(width) ? `${'PATH'.padEnd(PATH)}  ` : '';
  return `  ${'ACCOUNT'.padEnd(ACCOUNT)}  ${path}ADDRESS`.slice(0, width);
}

/** `›       1  m/44'/354'/1'/0'/0'  5Gx…Qa`: without the path where it leaves no room for the whole address. */
export function foundRow(found: LedgerAddress, width: number, selected = false): string {
  const path = showsPathColumn(width) ? `${fit(found.path, PATH)}  ` : '';
  const cells = `${String(found.account).padStart(ACCOUNT)}  ${path}${shortenMiddle(found.address, addressWidth(width))}`;
  return `${selected ? '›' : ' '} ${cells}`;
}

/** `3 of 5` */
export const progressText = (done: number, total: number) => `${done} of ${total}`;
