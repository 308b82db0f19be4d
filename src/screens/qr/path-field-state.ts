import type { Candidate } from '../../media/backup-files.js';
import { textFieldReducer, type TextFieldAction } from '../../ui/components/text-field-state.js';

/**
 * A path typed, completed with Tab or picked from the names listed under the field: the file
 * step of the backup import, and the file and picture paths of the QR screens.
 */
export interface PathFieldState {
  path: string;
  /** What the directory of `path` held when last listed; none until the first listing is back. */
  listing?: { dir: string; candidates: Candidate[] };
  /** Index into `matches(state)`; -1 while the typed path itself is meant. */
  selected: number;
  /** Said under the field until the path changes: nothing chosen yet, or why the last choice was refused. */
  problem?: string;
}

export type PathFieldAction =
  | { type: 'edit'; edit: TextFieldAction }
  | { type: 'listed'; dir: string; candidates: Candidate[] }
  | { type: 'select'; step: 1 | -1 }
  | { type: 'complete' }
  /** Enter: into a picked directory, the picked file into the field, or `missing` when nothing is chosen. */
  | { type: 'choose'; folders: boolean; missing: string }
  /** The screen could not use the path chosen, and says why under it. */
  | { type: 'refuse'; problem: string };

export const initialPathField = (path: string): PathFieldState => ({ path, selected: -1 });

export function pathFieldReducer(state: PathFieldState, action: PathFieldAction): PathFieldState {
  switch (action.type) {
    case 'edit':
      return withPath(state, textFieldReducer({ value: state.path }, action.edit).value);
    case 'listed':
      return { ...state, listing: { dir: action.dir, candidates: action.candidates }, selected: -1 };
    case 'select': {
      const count = matches(state).length;
      return { ...state, selected: Math.max(-1, Math.min(count - 1, state.selected + action.step)) };
    }
    case 'complete':
      return complete(state);
    case 'choose': {
      const choice = choiceOf(state, action.folders);
      if (choice.kind === 'none') return { ...state, problem: action.missing };
      const path = choice.kind === 'picked' ? choice.path : state.path;
      return { ...state, path, selected: -1, problem: undefined };
    }
    case 'refuse':
      return { ...state, problem: action.problem };
  }
}

/** A new path drops the pick and whatever was said about the old one. */
function withPath(state: PathFieldState, path: string): PathFieldState {
  return path === state.path ? state : { ...state, path, selected: -1, problem: undefined };
}

/**
 * What Enter means: the typed path, a listed name picked (a directory is gone into, unless
 * `folders`, where only folders are listed and a typed folder is an answer too), or nothing yet.
 */
export type PathChoice =
  { kind: 'typed'; path: string } | { kind: 'picked'; path: string; directory: boolean } | { kind: 'none' };

export function choiceOf(state: PathFieldState, folders: boolean): PathChoice {
  const picked = matches(state)[state.selected];
  if (picked) return { kind: 'picked', path: parentPart(state.path) + shownName(picked), directory: picked.directory };
  const typed = state.path.trim();
  if (typed === '' || (!folders && typed.endsWith('/'))) return { kind: 'none' };
  return { kind: 'typed', path: typed };
}

/** The path Enter answers with; undefined when it goes into a directory or nothing is chosen. */
export function answerOf(choice: PathChoice): string | undefined {
  if (choice.kind === 'typed') return choice.path;
  return choice.kind === 'picked' && !choice.directory ? choice.path : undefined;
}

/** Everything up to and including the last `/`: the directory part as typed. */
export const parentPart = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);
/** What is typed after the last `/`: the start of a name. */
export const typedName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
/** The directory to list for `path`. */
export const listingDir = (path: string) => parentPart(path) || '.';

/** The listed entries that the typed name could become; none until the right directory is listed. */
export function matches(state: Pick<PathFieldState, 'path' | 'listing'>): Candidate[] {
  if (!state.listing || state.listing.dir !== listingDir(state.path)) return [];
  const start = typedName(state.path);
  return state.listing.candidates.filter((c) => c.name.startsWith(start));
}

const shownName = (c: Candidate) => (c.directory ? `${c.name}/` : c.name);

/** Tab: as far as every match agrees, all of it when one is left. */
function complete(state: PathFieldState): PathFieldState {
  const names = matches(state).map(shownName);
  if (names.length === 0) return state;
  const common = names.reduce((a, b) => {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return a.slice(0, i);
  });
  return withPath(state, parentPart(state.path) + common);
}

/** The first row to show so that row `selected` is among `rows` rows. */
export const windowStart = (selected: number, rows: number) => Math.max(0, selected - rows + 1);
