import { textFieldReducer, type TextFieldAction } from './text-field-state.js';

/**
 * A form of one-line text fields with one focus, moved by Tab/↑/↓ while the user types.
 * Generic over the field names, so the address form and the password form share it.
 */
export interface FormState<F extends string> {
  fields: readonly F[];
  values: Record<F, string>;
  focus: F;
  /** Fields the focus has left at least once: their problems show even while they are empty. */
  visited: readonly F[];
}

export type FormAction<F extends string> =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'focus'; field: F }
  | { type: 'edit'; edit: TextFieldAction }
  /** After a refused submit: every problem is worth showing now. */
  | { type: 'visit-all' }
  | { type: 'clear' };

export function initialForm<F extends string>(
  fields: readonly F[],
  values: Partial<Record<F, string>> = {},
): FormState<F> {
  if (fields.length === 0) throw new RangeError('fields: a form needs at least one field');
  const filled = Object.fromEntries(fields.map((f) => [f, values[f] ?? ''])) as Record<F, string>;
  return { fields, values: filled, focus: fields[0]!, visited: [] };
}

export function formReducer<F extends string>(state: FormState<F>, action: FormAction<F>): FormState<F> {
  switch (action.type) {
    case 'next':
    case 'previous': {
      const step = action.type === 'next' ? 1 : -1;
      const count = state.fields.length;
      const index = (state.fields.indexOf(state.focus) + step + count) % count;
      return moveFocus(state, state.fields[index]!);
    }
    case 'focus':
      return state.fields.includes(action.field) ? moveFocus(state, action.field) : state;
    case 'edit': {
      const before = state.values[state.focus];
      const after = textFieldReducer({ value: before }, action.edit).value;
      return after === before ? state : { ...state, values: { ...state.values, [state.focus]: after } };
    }
    case 'visit-all':
      return { ...state, visited: state.fields };
    case 'clear':
      return initialForm(state.fields);
  }
}

function moveFocus<F extends string>(state: FormState<F>, field: F): FormState<F> {
  if (field === state.focus) return state;
  const visited = state.visited.includes(state.focus) ? state.visited : [...state.visited, state.focus];
  return { ...state, focus: field, visited };
}

export const isLastField = <F extends string>(state: FormState<F>) =>
  state.focus === state.fields[state.fields.length - 1];

/** A problem is worth showing once the field has text or the user has been past it. */
export const isTouched = <F extends string>(state: FormState<F>, field: F) =>
  state.values[field] !== '' || state.visited.includes(field);
