import { textFieldReducer, type TextFieldAction } from '../../ui/components/text-field-state.js';
import type { PlannedEntry } from '../../vault/import-plan.js';
import type { OpenedBackup } from '../../vault/open-backup.js';
import type { LockedAccount } from '../../vault/polkadot-js.js';
import type { Candidate } from '../../media/backup-files.js';

/**
 * Where importing (or verifying) a backup stands: the file (typed, completed with Tab, or
 * picked from the files listed under the field), its password, the own password of each
 * account of a polkadot.js batch that the file's password did not open, the decrypted
 * content with the preview drawn from it, the import, what it did. The content, words and
 * keys included, lives here only from `opened` until the screen is left or the import is done.
 */
export interface ImportState {
  step: 'path' | 'password' | 'reading' | 'unlock' | 'unlocking' | 'preview' | 'importing' | 'done';
  path: string;
  /** What the directory of `path` held when last listed. */
  listing?: { dir: string; candidates: Candidate[] };
  /** Index into `matches(state)`; -1 while the typed path itself is meant. */
  selected: number;
  /** What is typed into the password field: the file's, then a locked account's own. */
  password: string;
  /** The backup file chosen. */
  file?: string;
  opened?: OpenedBackup;
  /** Index into `opened.locked` of the account whose own password is asked for; those before it were left out. */
  asking: number;
  /** How many accounts were locked when the file was opened: "2 of 3" counts in these. */
  lockedAtOpen: number;
  /** What the import did. */
  imported?: PlannedEntry[];
  problem?: string;
}

export type ImportAction =
  | { type: 'path-edit'; edit: TextFieldAction }
  | { type: 'listed'; dir: string; candidates: Candidate[] }
  | { type: 'select'; step: 1 | -1 }
  | { type: 'complete' }
  | { type: 'choose' }
  | { type: 'password-edit'; edit: TextFieldAction }
  | { type: 'back' }
  | { type: 'read' }
  | { type: 'opened'; opened: OpenedBackup }
  | { type: 'unreadable'; problem: string; wrongPassword: boolean }
  /** The typed password goes to the locked account asked about. */
  | { type: 'unlock' }
  /** Enter on an empty field or Esc: the account stays locked, and is listed as left out. */
  | { type: 'leave-out' }
  | { type: 'unlocked'; locked: LockedAccount; opened: OpenedBackup }
  | { type: 'unlock-failed'; locked: LockedAccount; problem: string; wrongPassword: boolean }
  | { type: 'import' }
  | { type: 'imported'; entries: PlannedEntry[] }
  | { type: 'import-failed'; problem: string };

const NOTHING: OpenedBackup['content'] = { identities: [], accounts: [], addresses: [] };

export const initialImport = (path: string): ImportState => ({
  step: 'path',
  path,
  selected: -1,
  password: '',
  asking: 0,
  lockedAtOpen: 0,
});

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  const at = (...steps: ImportState['step'][]) => steps.includes(state.step);
  switch (action.type) {
    case 'path-edit': {
      if (!at('path')) return state;
      const path = textFieldReducer({ value: state.path }, action.edit).value;
      return path === state.path ? state : { ...state, path, selected: -1, problem: undefined };
    }
    case 'listed':
      return { ...state, listing: { dir: action.dir, candidates: action.candidates }, selected: -1 };
    case 'select': {
      if (!at('path')) return state;
      const count = matches(state).length;
      return { ...state, selected: Math.max(-1, Math.min(count - 1, state.selected + action.step)) };
    }
    case 'complete':
      return at('path') ? complete(state) : state;
    case 'choose':
      return at('path') ? choose(state) : state;
    case 'password-edit':
      return at('password', 'unlock')
        ? { ...state, password: textFieldReducer({ value: state.password }, action.edit).value }
        : state;
    case 'back':
      return at('password') ? { ...state, step: 'path', password: '', problem: undefined } : state;
    case 'read':
      // The password leaves the state here; the screen holds it as bytes until scrypt is done.
      return at('password') && state.password ? { ...state, step: 'reading', password: '', problem: undefined } : state;
    case 'opened':
      return at('reading')
        ? nextLocked({ ...state, opened: action.opened, asking: 0, lockedAtOpen: action.opened.locked.length })
        : state;
    case 'unreadable':
      if (!at('reading')) return state;
      // A wrong password is tried again; anything else is about the file.
      return { ...state, step: action.wrongPassword ? 'password' : 'path', problem: action.problem };
    case 'unlock':
      // As with the file's password: the screen holds it as bytes until scrypt is done.
      return at('unlock') && state.password ? { ...state, step: 'unlocking', password: '', problem: undefined } : state;
    case 'leave-out':
      return at('unlock', 'unlocking') ? nextLocked({ ...state, asking: state.asking + 1, password: '' }) : state;
    case 'unlocked':
      // The opened account leaves `locked`, so the same index now names the next one.
      return isAsking(state, action.locked) ? nextLocked({ ...state, opened: action.opened }) : state;
    case 'unlock-failed':
      if (!isAsking(state, action.locked)) return state;
      // A wrong password is tried again; an account that cannot be opened at all is left out.
      if (action.wrongPassword) return { ...state, step: 'unlock', problem: action.problem };
      return { ...nextLocked({ ...state, asking: state.asking + 1 }), problem: action.problem };
    case 'import':
      return at('preview') ? { ...state, step: 'importing', problem: undefined } : state;
    case 'imported':
      // The words and keys leave the state; what the file was stays, for the title and the accounts left out.
      return at('importing') && state.opened
        ? { ...state, step: 'done', imported: action.entries, opened: { ...state.opened, content: NOTHING } }
        : state;
    case 'import-failed':
      return at('importing') ? { ...state, step: 'preview', problem: action.problem } : state;
  }
}

/** The locked account asked about now, if any. */
export const askedAbout = (state: ImportState): LockedAccount | undefined => state.opened?.locked[state.asking];

/** Which of the accounts locked at opening is asked about now, counted from 1. */
export const askingPosition = (state: ImportState) =>
  state.lockedAtOpen - (state.opened?.locked.length ?? 0) + state.asking + 1;

/** An answer about `locked` counts only while it is still the one asked about: Esc may have left it out meanwhile. */
const isAsking = (state: ImportState, locked: LockedAccount) =>
  state.step === 'unlocking' && askedAbout(state) === locked;

/** On to the next locked account's password, or to the preview when none is left to ask about. */
function nextLocked(state: ImportState): ImportState {
  return { ...state, step: askedAbout(state) ? 'unlock' : 'preview', problem: undefined };
}

/** Everything up to and including the last `/`: the directory part as typed. */
export const parentPart = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);
/** What is typed after the last `/`: the start of a name. */
export const typedName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
/** The directory to list for `path`. */
export const listingDir = (path: string) => parentPart(path) || '.';

/** The listed entries that the typed name could become; none until the right directory is listed. */
export function matches(state: Pick<ImportState, 'path' | 'listing'>): Candidate[] {
  if (!state.listing || state.listing.dir !== listingDir(state.path)) return [];
  const start = typedName(state.path);
  return state.listing.candidates.filter((c) => c.name.startsWith(start));
}

const shownName = (c: Candidate) => (c.directory ? `${c.name}/` : c.name);

/** Tab: as far as every match agrees, all of it when one is left. */
function complete(state: ImportState): ImportState {
  const names = matches(state).map(shownName);
  if (names.length === 0) return state;
  const common = names.reduce((a, b) => {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return a.slice(0, i);
  });
  const path = parentPart(state.path) + common;
  return path === state.path ? state : { ...state, path, selected: -1, problem: undefined };
}

/** Enter: into a picked directory, or on to the password with the picked or typed file. */
function choose(state: ImportState): ImportState {
  const picked = matches(state)[state.selected];
  if (picked) {
    const path = parentPart(state.path) + shownName(picked);
    if (picked.directory) return { ...state, path, selected: -1, problem: undefined };
    return { ...state, step: 'password', path, file: path, problem: undefined };
  }
  const typed = state.path.trim();
  if (typed === '' || typed.endsWith('/')) return { ...state, problem: 'Type or pick a backup file.' };
  return { ...state, step: 'password', file: typed, problem: undefined };
}

/** The first row to show so that row `selected` is among `rows` rows. */
export const windowStart = (selected: number, rows: number) => Math.max(0, selected - rows + 1);
