import { textFieldReducer, type TextFieldAction } from '../../ui/components/text-field-state.js';
import type { PlannedEntry } from '../../vault/import-plan.js';
import { leftOutEntries, type BackupFormat, type OpenedBackup } from '../../vault/open-backup.js';
import type { LockedAccount } from '../../vault/polkadot-js.js';

/**
 * Where importing (or verifying) a backup stands: the file (its path is the path field's), its
 * password, the own password of each account of a polkadot.js batch that the file's password
 * did not open, the decrypted content with the preview drawn from it, the import, what it did.
 * The content, words and keys included, lives here only from `opened` until the screen is left
 * or the import is done; a typed password only until the work it is for starts.
 */
export type ImportState =
  | { step: 'path' }
  | { step: 'password'; file: string; password: string; problem?: string }
  | { step: 'reading'; file: string }
  | (Asking & { step: 'unlock'; password: string; problem?: string })
  | (Asking & { step: 'unlocking' })
  | { step: 'preview'; file: string; opened: OpenedBackup; problem?: string }
  | { step: 'importing'; file: string; opened: OpenedBackup }
  /** What the file was stays, for the title; what it held does not. */
  | { step: 'done'; file: string; format: BackupFormat; imported: PlannedEntry[]; leftOut: number };

export type ImportStep = ImportState['step'];
export type ImportAt<S extends ImportStep> = Extract<ImportState, { step: S }>;

/** An account of the opened file asked about for its own password. */
interface Asking {
  file: string;
  opened: OpenedBackup;
  /** Index into `opened.locked` of `account`; those before it were left out. */
  asking: number;
  account: LockedAccount;
  /** How many accounts were locked when the file was opened: "2 of 3" counts in these. */
  lockedAtOpen: number;
}

export type ImportAction =
  /** The path field's answer. */
  | { type: 'file'; file: string }
  | { type: 'password-edit'; edit: TextFieldAction }
  | { type: 'back' }
  | { type: 'read' }
  | { type: 'opened'; opened: OpenedBackup }
  /** A wrong password is asked again; a file that cannot be read goes back to the path, which says why. */
  | { type: 'unreadable'; problem: string; wrongPassword: boolean }
  /** The typed password goes to the locked account asked about. */
  | { type: 'unlock' }
  /** Enter on an empty field or Esc: the account stays locked, and is listed as left out. */
  | { type: 'leave-out' }
  | { type: 'unlocked'; locked: LockedAccount; opened: OpenedBackup }
  | { type: 'unlock-failed'; locked: LockedAccount; problem: string; wrongPassword: boolean }
  | { type: 'import' }
  /** What the import did with each entry; the accounts left out are added to it here. */
  | { type: 'imported'; entries: PlannedEntry[] }
  | { type: 'import-failed'; problem: string };

/** From the path, or, opened on a file (one just saved from QR codes), straight to its password. */
export const initialImport = (file?: string): ImportState =>
  file === undefined ? { step: 'path' } : { step: 'password', file, password: '' };

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case 'file':
      return state.step === 'path' ? { step: 'password', file: action.file, password: '' } : state;
    case 'password-edit':
      return state.step === 'password' || state.step === 'unlock'
        ? { ...state, password: textFieldReducer({ value: state.password }, action.edit).value }
        : state;
    case 'back':
      return state.step === 'password' ? { step: 'path' } : state;
    case 'read':
      // The password leaves the state here; the screen holds it as bytes until scrypt is done.
      return state.step === 'password' && state.password ? { step: 'reading', file: state.file } : state;
    case 'opened': {
      if (state.step !== 'reading') return state;
      const { opened } = action;
      return nextLocked({ file: state.file, opened, asking: 0, lockedAtOpen: opened.locked.length });
    }
    case 'unreadable':
      if (state.step !== 'reading') return state;
      return action.wrongPassword
        ? { step: 'password', file: state.file, password: '', problem: action.problem }
        : { step: 'path' };
    case 'unlock':
      // As with the file's password: the screen holds it as bytes until scrypt is done.
      return state.step === 'unlock' && state.password ? { ...asking(state), step: 'unlocking' } : state;
    case 'leave-out':
      return state.step === 'unlock' || state.step === 'unlocking'
        ? nextLocked({ ...asking(state), asking: state.asking + 1 })
        : state;
    case 'unlocked':
      // The opened account leaves `locked`, so the same index now names the next one.
      return isAsking(state, action.locked) ? nextLocked({ ...asking(state), opened: action.opened }) : state;
    case 'unlock-failed':
      if (!isAsking(state, action.locked)) return state;
      // A wrong password is tried again; an account that cannot be opened at all is left out.
      if (action.wrongPassword) return { ...asking(state), step: 'unlock', password: '', problem: action.problem };
      return nextLocked({ ...asking(state), asking: state.asking + 1 }, action.problem);
    case 'import':
      return state.step === 'preview' ? { step: 'importing', file: state.file, opened: state.opened } : state;
    case 'imported': {
      if (state.step !== 'importing') return state;
      const leftOut = leftOutEntries(state.opened);
      const { file, opened } = state;
      return {
        step: 'done',
        file,
        format: opened.format,
        imported: [...action.entries, ...leftOut],
        leftOut: leftOut.length,
      };
    }
    case 'import-failed':
      return state.step === 'importing' ? { ...state, step: 'preview', problem: action.problem } : state;
  }
}

/** The file's format, once it is open: the title says what it turned out to be. */
export function formatOf(state: ImportState): BackupFormat | undefined {
  switch (state.step) {
    case 'path':
    case 'password':
    case 'reading':
      return undefined;
    case 'done':
      return state.format;
    default:
      return state.opened.format;
  }
}

/** The locked account asked about now, if any. */
export const askedAbout = (state: ImportState): LockedAccount | undefined =>
  state.step === 'unlock' || state.step === 'unlocking' ? state.account : undefined;

/** Which of the accounts locked at opening is asked about now, counted from 1. */
export const askingPosition = (state: Asking) => state.lockedAtOpen - state.opened.locked.length + state.asking + 1;

/** The asking, without what was typed or said about it. */
const asking = ({ file, opened, asking, account, lockedAtOpen }: Asking): Asking => ({
  file,
  opened,
  asking,
  account,
  lockedAtOpen,
});

/** An answer about `locked` counts only while it is still the one asked about: Esc may have left it out meanwhile. */
const isAsking = (state: ImportState, locked: LockedAccount): state is ImportAt<'unlocking'> =>
  state.step === 'unlocking' && state.account === locked;

/** On to the next locked account's password, or to the preview when none is left to ask about. */
function nextLocked(next: Omit<Asking, 'account'>, problem?: string): ImportState {
  const account = next.opened.locked[next.asking];
  const said = problem === undefined ? {} : { problem };
  if (!account) return { step: 'preview', file: next.file, opened: next.opened, ...said };
  return { ...next, account, step: 'unlock', password: '', ...said };
}
