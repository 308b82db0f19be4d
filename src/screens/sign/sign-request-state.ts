import type { RequestProgress } from '../../sign/read-request.js';
import type { PreparedSignature } from '../../sign/signing.js';
import type { ListMove } from '../../ui/components/list-state.js';

/**
 * Signing a request: where it is read from (the path field's own state is apart), the reading
 * with its progress, the checking, then what it asks, scrolled through until the person types
 * y or refuses it with Esc. Nothing of a request outlives the step that showed it: a refusal,
 * a failure or a signature goes back to the path with the request dropped.
 */
export type SignState =
  | { step: 'path'; progress?: RequestProgress; problem?: string }
  | { step: 'reading'; progress?: RequestProgress }
  /** Read whole: being parsed, its account found, decoded and checked. */
  | { step: 'checking'; progress?: RequestProgress }
  /**
   * `top`: the first row of what is signed that the screen shows; `seenEnd`: whether its last
   * row has been on the screen; `unseen`: rows never shown yet, said when y came too early.
   */
  | { step: 'review'; prepared: PreparedSignature; top: number; seenEnd: boolean; unseen?: number }
  | { step: 'signing'; prepared: PreparedSignature; top: number };

export type SignAt<S extends SignState['step']> = Extract<SignState, { step: S }>;

export type SignAction =
  | { type: 'read' }
  | { type: 'progress'; progress: RequestProgress }
  | { type: 'read-done' }
  | { type: 'prepared'; prepared: PreparedSignature }
  /** Reading, checking or signing failed: said on the path step, nothing signed. */
  | { type: 'failed'; problem: string }
  /** Esc while reading or checking. */
  | { type: 'stop' }
  /** A move through what is signed: `rows` of it in all, `height` of them on the screen. */
  | { type: 'scroll'; move: ListMove; rows: number; height: number }
  /** y: signs only once the last row has been shown (`rows` and `height` as for a scroll). */
  | { type: 'approve'; rows: number; height: number }
  /** Esc at the review. */
  | { type: 'refuse' };

export const initialSign: SignState = { step: 'path' };

export const STOPPED = 'Stopped: nothing read was kept, nothing was signed.';
export const REFUSED = 'Refused: nothing was signed.';

export function signReducer(state: SignState, action: SignAction): SignState {
  switch (action.type) {
    case 'read':
      return state.step === 'path' ? { step: 'reading' } : state;
    case 'progress':
      return state.step === 'reading' ? { ...state, progress: action.progress } : state;
    case 'read-done':
      return state.step === 'reading' ? { step: 'checking', progress: state.progress } : state;
    case 'prepared':
      return state.step === 'checking' ? { step: 'review', prepared: action.prepared, top: 0, seenEnd: false } : state;
    case 'failed':
      return state.step === 'reading' || state.step === 'checking' || state.step === 'signing'
        ? { step: 'path', ...progressOf(state), problem: action.problem }
        : state;
    case 'stop':
      return state.step === 'reading' || state.step === 'checking'
        ? { step: 'path', ...progressOf(state), problem: STOPPED }
        : state;
    case 'scroll': {
      if (state.step !== 'review') return state;
      const top = scrolled(state.top, action);
      return { step: 'review', prepared: state.prepared, top, seenEnd: state.seenEnd || atEnd(top, action) };
    }
    case 'approve': {
      if (state.step !== 'review') return state;
      // Nothing is signed that was not shown: a long request is read to its end before y signs it.
      if (!state.seenEnd && !atEnd(state.top, action))
        return { ...state, unseen: action.rows - Math.min(action.rows, state.top + action.height) };
      return { step: 'signing', prepared: state.prepared, top: state.top };
    }
    case 'refuse':
      return state.step === 'review' ? { step: 'path', problem: REFUSED } : state;
  }
}

/** Whether the last row is on the screen when the first shown is `top`. */
const atEnd = (top: number, { rows, height }: { rows: number; height: number }) => top + Math.max(1, height) >= rows;

const progressOf = (state: SignState) =>
  'progress' in state && state.progress !== undefined ? { progress: state.progress } : {};

/** The first row shown after a move: never past the point where the last row is at the bottom. */
export function scrolled(top: number, { move, rows, height }: { move: ListMove; rows: number; height: number }) {
  const page = Math.max(1, height);
  const lastTop = Math.max(0, rows - page);
  const to = {
    up: top - 1,
    down: top + 1,
    'page-up': top - page,
    'page-down': top + page,
    first: 0,
    last: lastTop,
  }[move];
  return Math.max(0, Math.min(lastTop, to));
}
