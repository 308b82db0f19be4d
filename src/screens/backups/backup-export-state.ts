import { formReducer, initialForm, type FormAction, type FormState } from '../../ui/components/form-state.js';
import type { ExportFormat } from '../../vault/export-formats.js';
import type { ExportChoice } from './export-choice.js';
import { cycleChoice, draftOf, formAction, toggled, withoutChoiceProblem, withoutPasswords } from './export-draft.js';

/**
 * Where exporting a backup stands: the form (what, in which format, where, the password
 * twice, and whether to save a receipt file beside it), the account picker, a question when
 * the backup password is the vault's, a question when the file exists, the write, the
 * receipt. `what`, `format` and `receipt` are choices, not text: they are fields only so Tab
 * reaches them.
 */
export const EXPORT_FIELDS = ['what', 'format', 'destination', 'password', 'repeat', 'receipt'] as const;
export type ExportField = (typeof EXPORT_FIELDS)[number];
export type ExportValues = Record<ExportField, string>;
export { isChoiceField } from './export-draft.js';

/** What the form holds: kept through the steps that may come back to it. */
export interface ExportDraft {
  form: FormState<ExportField>;
  choice: ExportChoice;
  receiptFile: boolean;
  /** The user has edited the destination: a default found later must not replace it. */
  destinationTouched: boolean;
}

/** Why the form was not written; drawn under `field`, or under the form for a failed write. */
export interface ExportProblem {
  text: string;
  field?: ExportField;
}

/** A polkadot.js batch's keys derived so far, while writing. */
export interface KeyCount {
  done: number;
  total: number;
}

export type ExportState =
  | (ExportDraft & { step: 'form'; problem?: ExportProblem })
  /** The form's problem waits under it while accounts are marked. */
  | (ExportDraft & { step: 'pick'; problem?: ExportProblem })
  /** The form was sent: the password is compared with the vault's, the destination looked at. */
  | (ExportDraft & { step: 'checking' })
  | (ExportDraft & { step: 'same-password' })
  | (ExportDraft & { step: 'replace'; target: string })
  /** The passwords have left the form: the screen holds them as bytes until written. */
  | (ExportDraft & { step: 'writing'; target: string; keys?: KeyCount })
  | { step: 'done'; target: string; written: Written };

export type ExportStep = ExportState['step'];
export type ExportAt<S extends ExportStep> = Extract<ExportState, { step: S }>;

export interface Written {
  /** formatReceipt's text. */
  receipt: string;
  /** Where its copy went, when asked for. */
  receiptFile?: string;
  /** Why that copy could not be saved: the backup itself is fine. */
  receiptError?: string;
}

export type ExportAction =
  | { type: 'form'; action: FormAction<ExportField> }
  /** ←/→ or Space on What or Format. */
  | { type: 'cycle'; step: 1 | -1 }
  | { type: 'toggle-receipt' }
  /** Enter on "What: chosen accounts": the picker. */
  | { type: 'pick' }
  | { type: 'mark'; publicKey: string }
  /** Back from the picker; with `next`, on to the field after What. */
  | { type: 'picked'; next: boolean }
  | { type: 'default-destination'; path: string }
  /** The form was sent: compare the password with the vault's and see what is at the destination before writing. */
  | { type: 'check' }
  /** The backup password is the vault password: ask before going on. */
  | { type: 'same-password' }
  /** "Yes" to that: on to the destination. */
  | { type: 'keep-password' }
  /** "No": back to the password, both fields empty. */
  | { type: 'change-password' }
  | { type: 'exists'; target: string }
  | { type: 'write'; target: string }
  | { type: 'keys'; done: number; total: number }
  /** "No" to replacing: back to the form, the file untouched. */
  | { type: 'keep' }
  | { type: 'refused'; field: ExportField; problem: string }
  | { type: 'failed'; problem: string }
  | { type: 'written'; written: Written };

export function initialExport(destination: string, format: ExportFormat = 'airlock'): ExportState {
  return {
    step: 'form',
    form: initialForm(EXPORT_FIELDS, { destination }),
    choice: { what: 'whole', format, chosen: new Set() },
    receiptFile: false,
    destinationTouched: false,
  };
}

export function exportReducer(state: ExportState, action: ExportAction): ExportState {
  switch (action.type) {
    case 'form':
      return state.step === 'form' ? formAction(state, action.action) : state;
    case 'cycle':
      return state.step === 'form' ? cycleChoice(state, action.step) : state;
    case 'toggle-receipt':
      return state.step === 'form' ? { ...state, receiptFile: !state.receiptFile } : state;
    case 'pick':
      return state.step === 'form' && state.form.focus === 'what' && state.choice.what === 'chosen'
        ? { ...state, step: 'pick' }
        : state;
    case 'mark':
      return state.step === 'pick'
        ? { ...state, choice: { ...state.choice, chosen: toggled(state.choice.chosen, action.publicKey) } }
        : state;
    case 'picked': {
      if (state.step !== 'pick') return state;
      const back = withoutChoiceProblem({ ...state, step: 'form' });
      return action.next ? { ...back, form: formReducer(back.form, { type: 'next' }) } : back;
    }
    case 'default-destination':
      if (state.step !== 'form' || state.destinationTouched) return state;
      return { ...state, form: { ...state.form, values: { ...state.form.values, destination: action.path } } };
    case 'check':
      return state.step === 'form' ? { ...draftOf(state), step: 'checking' } : state;
    case 'same-password':
      return state.step === 'checking' ? { ...state, step: 'same-password' } : state;
    case 'keep-password':
      return state.step === 'same-password' ? { ...state, step: 'checking' } : state;
    case 'change-password':
      return state.step === 'same-password'
        ? backToForm(withoutPasswords(state), 'password', { field: 'password', text: SAME_PASSWORD_ADVICE })
        : state;
    case 'exists':
      return state.step === 'checking' ? { ...state, step: 'replace', target: action.target } : state;
    case 'write':
      return state.step === 'checking' || state.step === 'replace'
        ? { ...withoutPasswords(state), step: 'writing', target: action.target }
        : state;
    case 'keys':
      return state.step === 'writing' ? { ...state, keys: { done: action.done, total: action.total } } : state;
    case 'keep':
      return state.step === 'replace'
        ? backToForm(state, 'destination', {
            field: 'destination',
            text: `${state.target} was left as it was: choose another name.`,
          })
        : state;
    case 'refused':
      return state.step === 'form' || state.step === 'checking'
        ? backToForm({ ...state, form: { ...state.form, visited: state.form.fields } }, action.field, {
            field: action.field,
            text: action.problem,
          })
        : state;
    case 'failed':
      // Said under the form, not a field: the write failed, not what was typed.
      return state.step === 'writing' ? backToForm(state, 'password', { text: action.problem }) : state;
    case 'written':
      return state.step === 'writing' ? { step: 'done', target: state.target, written: action.written } : state;
  }
}

export const SAME_PASSWORD_ADVICE = "Choose a backup password unlike the vault's: one secret, one file.";

/** Back to the form, on `focus`, with the problem said. */
function backToForm(draft: ExportDraft, focus: ExportField, problem: ExportProblem): ExportState {
  return { ...draftOf(draft), step: 'form', form: formReducer(draft.form, { type: 'focus', field: focus }), problem };
}
