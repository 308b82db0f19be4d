import { textFieldReducer, type TextFieldAction } from '../../ui/components/text-field-state.js';
import type { Found, ReadProgress } from './qr-found.js';

/**
 * Reading pictures of QR codes: the pictures' path (its own field), the reading with its
 * progress, what was found, and for something to keep, where it is saved. An address goes
 * to the address book's form instead.
 */
export interface ReadState {
  step: 'path' | 'reading' | 'found' | 'saving' | 'saved';
  /** How far the last reading came: kept when it fails, to say how much is missing. */
  progress?: ReadProgress;
  found?: Found;
  /** Where to save it, as typed; `fileName` is used when it names a folder. */
  destination: string;
  fileName: string;
  saved?: string;
  problem?: string;
}

export type ReadAction =
  | { type: 'read' }
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'found'; found: Found; destination: string; fileName: string }
  | { type: 'failed'; problem: string }
  /** Esc while reading: nothing read so far is kept. */
  | { type: 'stop' }
  | { type: 'destination-edit'; edit: TextFieldAction }
  | { type: 'save' }
  | { type: 'saved'; path: string }
  | { type: 'save-failed'; problem: string }
  /** Esc once something was found: other pictures, from the path again. */
  | { type: 'again' };

export const initialRead: ReadState = { step: 'path', destination: '', fileName: '' };

export function readReducer(state: ReadState, action: ReadAction): ReadState {
  const at = (...steps: ReadState['step'][]) => steps.includes(state.step);
  switch (action.type) {
    case 'read':
      return at('path') ? { ...initialRead, step: 'reading' } : state;
    case 'progress':
      return at('reading') ? { ...state, progress: action.progress } : state;
    case 'found':
      return at('reading')
        ? { ...state, step: 'found', found: action.found, destination: action.destination, fileName: action.fileName }
        : state;
    case 'failed':
      return at('reading') ? { ...state, step: 'path', problem: action.problem } : state;
    case 'stop':
      return at('reading')
        ? { ...initialRead, progress: state.progress, problem: 'Stopped: nothing read was kept.' }
        : state;
    case 'destination-edit':
      return at('found')
        ? {
            ...state,
            destination: textFieldReducer({ value: state.destination }, action.edit).value,
            problem: undefined,
          }
        : state;
    case 'save':
      return at('found') && state.found?.kind !== 'address' ? { ...state, step: 'saving', problem: undefined } : state;
    case 'saved':
      return at('saving') ? { ...state, step: 'saved', saved: action.path } : state;
    case 'save-failed':
      return at('saving') ? { ...state, step: 'found', problem: action.problem } : state;
    case 'again':
      // The payload leaves the state with the step that showed it.
      return at('found', 'saved') ? initialRead : state;
  }
}
