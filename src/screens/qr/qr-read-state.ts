import { textFieldReducer, type TextFieldAction } from '../../ui/components/text-field-state.js';
import type { TransferSeen } from '../../qr/reassembly.js';
import type { AddressFound, Found, ReadProgress, Savable } from './qr-found.js';

/** Something to keep, and where to save it, as typed; `fileName` is used when it names a folder. */
interface SaveOffer {
  found: Savable;
  progress?: ReadProgress;
  destination: string;
  fileName: string;
}

/**
 * Reading pictures of QR codes: the pictures' path (its own field), the reading with its
 * progress, then what was found. An address is offered to the address book's form; anything
 * else is saved where the person says. How far the reading came is kept past it: on the path
 * when it fails, to say how much is missing; with what was found, to say what was read.
 */
export type ReadState =
  | { step: 'path'; progress?: ReadProgress; problem?: string }
  | { step: 'reading'; progress?: ReadProgress }
  /** The pictures hold several complete transfers: the person picks one, and they are read again for it. */
  | { step: 'choose'; transfers: readonly TransferSeen[]; progress?: ReadProgress }
  | { step: 'address'; found: AddressFound; progress?: ReadProgress }
  | ({ step: 'found'; problem?: string } & SaveOffer)
  | ({ step: 'saving' } & SaveOffer)
  | { step: 'saved'; found: Savable; progress?: ReadProgress; saved: string };

export type ReadAt<S extends ReadState['step']> = Extract<ReadState, { step: S }>;

export type ReadAction =
  | { type: 'read' }
  | { type: 'progress'; progress: ReadProgress }
  /** `destination` and `fileName` are for something to save: an address has none. `progress`: the final count. */
  | { type: 'found'; found: Found; destination: string; fileName: string; progress?: ReadProgress }
  | { type: 'failed'; problem: string }
  | { type: 'several'; transfers: readonly TransferSeen[] }
  /** Esc while reading: nothing read so far is kept. */
  | { type: 'stop' }
  | { type: 'destination-edit'; edit: TextFieldAction }
  | { type: 'save' }
  | { type: 'saved'; path: string }
  | { type: 'save-failed'; problem: string }
  /** Esc once something was found, or at the choice of transfers: other pictures, from the path again. */
  | { type: 'again' };

export const initialRead: ReadState = { step: 'path' };

export function readReducer(state: ReadState, action: ReadAction): ReadState {
  switch (action.type) {
    case 'read':
      return state.step === 'path' || state.step === 'choose' ? { step: 'reading' } : state;
    case 'progress':
      return state.step === 'reading' ? { ...state, progress: action.progress } : state;
    case 'found': {
      if (state.step !== 'reading') return state;
      const { found, destination, fileName } = action;
      const progress = action.progress ?? state.progress;
      return found.kind === 'address'
        ? { step: 'address', found, progress }
        : { step: 'found', found, progress, destination, fileName };
    }
    case 'several':
      return state.step === 'reading'
        ? { step: 'choose', transfers: action.transfers, progress: state.progress }
        : state;
    case 'failed':
      return state.step === 'reading' ? { ...state, step: 'path', problem: action.problem } : state;
    case 'stop':
      return state.step === 'reading'
        ? { step: 'path', progress: state.progress, problem: 'Stopped: nothing read was kept.' }
        : state;
    case 'destination-edit':
      return state.step === 'found'
        ? {
            ...state,
            destination: textFieldReducer({ value: state.destination }, action.edit).value,
            problem: undefined,
          }
        : state;
    case 'save':
      if (state.step !== 'found') return state;
      return {
        step: 'saving',
        found: state.found,
        progress: state.progress,
        destination: state.destination,
        fileName: state.fileName,
      };
    case 'saved':
      return state.step === 'saving'
        ? { step: 'saved', found: state.found, progress: state.progress, saved: action.path }
        : state;
    case 'save-failed':
      return state.step === 'saving' ? { ...state, step: 'found', problem: action.problem } : state;
    case 'again':
      // The payload leaves the state with the step that showed it.
      return state.step === 'address' || state.step === 'found' || state.step === 'saved' || state.step === 'choose'
        ? initialRead
        : state;
  }
}
