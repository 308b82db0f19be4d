import type { LedgerAddress } from '../../ledger/polkadot-app.js';
import { formReducer, type FormAction } from '../../ui/components/form-state.js';
import { initialList, listReducer, type ListAction, type ListState } from '../../ui/components/list-state.js';
import { initialRecoverForm, type RecoverField, type RecoverForm, type RecoverSettings } from './recover-form-state.js';

/** The addresses derived, kept while they are looked at and saved. */
export interface Recovered {
  settings: RecoverSettings;
  found: readonly LedgerAddress[];
  /** The cursor over `found`. */
  list: ListState;
}

/**
 * Where recovering a Ledger offline stands: the warning, the words, the rest of the form, the
 * derivation (rows as they come), the addresses to look at before saving, the save. A
 * derivation carries the number its caller gave it: what one abandoned with Esc answers is
 * dropped here. The words live in the word entry, not here.
 */
export type RecoverStep =
  | { step: 'warning' }
  | { step: 'words' }
  /** `problem`: why the last derivation did not finish. */
  | { step: 'details'; problem?: string }
  | { step: 'deriving'; settings: RecoverSettings; call: number; found: readonly LedgerAddress[] }
  /** `problem`: why the last save failed. */
  | { step: 'review'; recovered: Recovered; problem?: string }
  | { step: 'saving'; recovered: Recovered };

/** The form is kept through every step: Esc comes back to it as it was. */
export type LedgerRecoverState = RecoverStep & {
  form: RecoverForm;
  /** Rows the list may use: a list is made this high at once, so a key typed as it appears moves over all of it. */
  listHeight: number;
};

export type LedgerRecoverAction =
  | { type: 'go-on' }
  | { type: 'words-done' }
  /** Esc: one step back; the derivation under way is abandoned. */
  | { type: 'back' }
  | { type: 'form'; action: FormAction<RecoverField> }
  /** The form was sent with a wrong field: show every problem, focus that field. */
  | { type: 'refused'; field: RecoverField }
  | { type: 'derive'; settings: RecoverSettings; call: number }
  | { type: 'found'; call: number; address: LedgerAddress }
  | { type: 'derived'; call: number; found: readonly LedgerAddress[] }
  | { type: 'failed'; call: number; problem: string }
  | { type: 'move'; move: Exclude<ListAction['type'], 'resize'> }
  | { type: 'resize'; height: number }
  | { type: 'save' }
  | { type: 'save-failed'; problem: string };

export const initialLedgerRecover = (network: string, listHeight: number): LedgerRecoverState => ({
  step: 'warning',
  form: initialRecoverForm(network),
  listHeight,
});

export function ledgerRecoverReducer(state: LedgerRecoverState, action: LedgerRecoverAction): LedgerRecoverState {
  const { form, listHeight } = state;
  const to = (step: RecoverStep): LedgerRecoverState => ({ ...step, form, listHeight });
  const answers = (call: number) => state.step === 'deriving' && state.call === call;
  switch (action.type) {
    case 'go-on':
      return state.step === 'warning' ? to({ step: 'words' }) : state;
    case 'words-done':
      return state.step === 'words' ? to({ step: 'details' }) : state;
    case 'back':
      return back(state, to);
    case 'form':
      return state.step === 'details' ? { ...state, form: formReducer(form, action.action) } : state;
    case 'refused': {
      if (state.step !== 'details') return state;
      const refused = formReducer(formReducer(form, { type: 'visit-all' }), { type: 'focus', field: action.field });
      return { ...state, form: refused };
    }
    case 'derive':
      return state.step === 'details'
        ? to({ step: 'deriving', settings: action.settings, call: action.call, found: [] })
        : state;
    case 'found':
      return state.step === 'deriving' && answers(action.call)
        ? { ...state, found: [...state.found, action.address] }
        : state;
    case 'derived': {
      if (state.step !== 'deriving' || !answers(action.call)) return state;
      const list = initialList(action.found.length, listHeight);
      return to({ step: 'review', recovered: { settings: state.settings, found: action.found, list } });
    }
    case 'failed':
      return answers(action.call) ? to({ step: 'details', problem: action.problem }) : state;
    case 'move':
      return state.step === 'review' ? { ...state, recovered: moved(state.recovered, { type: action.move }) } : state;
    case 'resize':
      return resize({ ...state, listHeight: action.height });
    case 'save':
      return state.step === 'review' ? to({ step: 'saving', recovered: state.recovered }) : state;
    case 'save-failed':
      return state.step === 'saving'
        ? to({ step: 'review', recovered: state.recovered, problem: action.problem })
        : state;
  }
}

function back(state: LedgerRecoverState, to: (step: RecoverStep) => LedgerRecoverState): LedgerRecoverState {
  switch (state.step) {
    case 'words':
      return to({ step: 'warning' });
    case 'details':
      return to({ step: 'words' });
    case 'deriving':
      // The derivation is abandoned: what it answers later is dropped.
      return to({ step: 'details', problem: 'Stopped: nothing was saved.' });
    case 'review':
      return to({ step: 'details' });
    default:
      return state;
  }
}

const moved = (recovered: Recovered, action: ListAction): Recovered => ({
  ...recovered,
  list: listReducer(recovered.list, action),
});

/** The list, where a step has one, fitted to the rows it may use now. */
function resize(state: LedgerRecoverState): LedgerRecoverState {
  if (!('recovered' in state)) return state;
  const { found } = state.recovered;
  return {
    ...state,
    recovered: moved(state.recovered, { type: 'resize', count: found.length, height: state.listHeight }),
  };
}
