import { formReducer, type FormAction } from '../../ui/components/form-state.js';
import type { ExportAt, ExportDraft, ExportField, ExportState } from './backup-export-state.js';
import { cycleFormat, cycleWhat } from './export-choice.js';

/** What the export form's own edits do to its draft: choices, marks, typing. Pure. */

const CHOICE_FIELDS: readonly ExportField[] = ['what', 'format', 'receipt'];
export const isChoiceField = (field: ExportField) => CHOICE_FIELDS.includes(field);

export function cycleChoice(state: ExportAt<'form'>, step: 1 | -1): ExportState {
  const { choice } = state;
  switch (state.form.focus) {
    case 'what':
      return { ...withoutChoiceProblem(state), choice: { ...choice, what: cycleWhat(choice.what, step) } };
    case 'format':
      return { ...withoutChoiceProblem(state), choice: { ...choice, format: cycleFormat(choice.format, step) } };
    default:
      return state;
  }
}

/** A refusal about What or Format is out of date once either changes. */
export function withoutChoiceProblem(state: ExportAt<'form'>): ExportAt<'form'> {
  const { problem, ...rest } = state;
  return problem?.field === 'what' || problem?.field === 'format' ? rest : state;
}

export function toggled(chosen: ReadonlySet<string>, publicKey: string): ReadonlySet<string> {
  const next = new Set(chosen);
  if (!next.delete(publicKey)) next.add(publicKey);
  return next;
}

export function formAction(state: ExportAt<'form'>, action: FormAction<ExportField>): ExportState {
  // The choices hold no text.
  if (action.type === 'edit' && isChoiceField(state.form.focus)) return state;
  const form = formReducer(state.form, action);
  const editing = action.type === 'edit' ? state.form.focus : undefined;
  const destinationTouched = state.destinationTouched || editing === 'destination';
  // A refusal of a field is answered by editing it: it would only contradict the verdict now.
  const { problem, ...rest } = state;
  const answered = editing !== undefined && editing === problem?.field;
  return answered ? { ...rest, form, destinationTouched } : { ...state, form, destinationTouched };
}

/** The form's contents, without what a step added to them. */
export const draftOf = ({ form, choice, receiptFile, destinationTouched }: ExportDraft): ExportDraft => ({
  form,
  choice,
  receiptFile,
  destinationTouched,
});

export function withoutPasswords<S extends ExportDraft>(state: S): S {
  return { ...state, form: { ...state.form, values: { ...state.form.values, password: '', repeat: '' } } };
}
