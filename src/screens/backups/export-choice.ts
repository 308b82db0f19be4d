import { describeError } from '../../errors.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../vault/export-formats.js';
import { accountsToExport, type ExportRequest } from '../../vault/export.js';
import type { Account, VaultData } from '../../vault/model.js';
import { capitalise } from '../../ui/sentence.js';

/**
 * What an export writes and in which format, as the form's two choice fields hold it, and
 * what that means in words. Pure, so the tests pin it without rendering.
 */
export const EXPORT_WHATS = ['whole', 'chosen'] as const;
export type ExportWhat = (typeof EXPORT_WHATS)[number];

export interface ExportChoice {
  what: ExportWhat;
  format: ExportFormat;
  /** Public keys of the accounts marked in the picker: they stay the same when an account is renamed. */
  chosen: ReadonlySet<string>;
}

export const WHAT_NAMES: Record<ExportWhat, string> = { whole: 'the whole vault', chosen: 'chosen accounts' };

export const FORMAT_NAMES: Record<ExportFormat, string> = {
  airlock: 'airlock backup',
  'polkadot-js': 'polkadot.js account file',
  'polkadot-js-batch': 'polkadot.js "export all accounts" file',
};

/** Under the focused format: what the file is good for. */
export const FORMAT_ABOUT: Record<ExportFormat, string> = {
  airlock: 'Words, keys, accounts and address book, for airlock.',
  'polkadot-js': 'One account, for polkadot.js apps or the extension.',
  'polkadot-js-batch': 'Accounts for the extension\'s "Restore from JSON".',
};

/** The choice after (or before) `current`, round and round: what ←/→ and Space do. */
export function cycle<T>(choices: readonly T[], current: T, step: 1 | -1): T {
  const index = choices.indexOf(current);
  return choices[(index + step + choices.length) % choices.length]!;
}

export const cycleFormat = (format: ExportFormat, step: 1 | -1) => cycle(EXPORT_FORMATS, format, step);
export const cycleWhat = (what: ExportWhat, step: 1 | -1) => cycle(EXPORT_WHATS, what, step);

/** The marked accounts, in the vault's order. */
export function markedAccounts(data: VaultData, chosen: ReadonlySet<string>): Account[] {
  return data.accounts.filter((a) => chosen.has(a.publicKey));
}

/**
 * The request for `exportBackup`. Accounts go by name: names are unique in a vault and
 * `findAccount` matches a name first, without encoding an address per account.
 */
export function exportRequest(data: VaultData, choice: ExportChoice): Pick<ExportRequest, 'format' | 'accounts'> {
  if (choice.what === 'whole') return { format: choice.format };
  return { format: choice.format, accounts: markedAccounts(data, choice.chosen).map((a) => a.name) };
}

export type ExportPlan =
  | { ok: true; accounts: Account[] }
  /** `reason` for the summary line; `text`, with what to do, under `field` when the form is sent. */
  | { ok: false; field: 'what' | 'format'; reason: string; text: string };

const SCREEN_HINTS: Record<ExportFormat, string> = {
  airlock: 'Mark an account under What.',
  'polkadot-js': 'Mark one account under What, or choose "export all accounts".',
  'polkadot-js-batch': 'Mark accounts under What, or choose the airlock format.',
};

/**
 * The accounts the file will hold, as `accountsToExport` (which the CLI asks too) decides,
 * or why it cannot be written, with the field to go back to. Its hints name command-line
 * options, so the screen says what to do in its own words.
 */
export function planExport(data: VaultData, choice: ExportChoice): ExportPlan {
  const request = exportRequest(data, choice);
  // No account marked would mean "all" to accountsToExport.
  if (choice.what === 'chosen' && request.accounts?.length === 0) {
    return {
      ok: false,
      field: 'what',
      reason: 'no account is marked',
      text: 'No account is marked: Enter on What opens the list of accounts.',
    };
  }
  try {
    return { ok: true, accounts: accountsToExport(data, request) };
  } catch (error) {
    const { message, expected } = describeError(error);
    if (!expected) throw error;
    const field = choice.what === 'whole' ? 'format' : 'what';
    return { ok: false, field, reason: message, text: `${capitalise(message)}. ${SCREEN_HINTS[choice.format]}` };
  }
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The line under the title: what will be written, or why it cannot be. */
export function exportSummary(data: VaultData, choice: ExportChoice, plan: ExportPlan): string {
  if (!plan.ok) return `Cannot write: ${plan.reason}.`;
  if (choice.format === 'airlock' && choice.what === 'whole') {
    const parts = [
      count(data.identities.length, 'identity', 'identities'),
      count(data.accounts.length, 'account', 'accounts'),
      count(data.addresses.length, 'address', 'addresses'),
    ];
    return `The whole vault: ${parts.join(', ')}.`;
  }
  const accounts = count(plan.accounts.length, 'account', 'accounts');
  const names = plan.accounts.length <= 3 ? ` (${plan.accounts.map((a) => a.name).join(', ')})` : '';
  if (choice.format === 'airlock') {
    const identities = new Set(plan.accounts.map((a) => a.identity)).size;
    return `${accounts}${names} and the ${count(identities, 'identity', 'identities')} they come from, secrets included; no address book.`;
  }
  return `A ${FORMAT_NAMES[choice.format]} of ${accounts}${names}.`;
}
