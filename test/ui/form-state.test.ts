import { describe, expect, it } from 'vitest';
import {
  formReducer,
  initialForm,
  isLastField,
  isTouched,
  type FormAction,
  type FormState,
} from '../../src/ui/components/form-state.js';

type Field = 'name' | 'address' | 'note';
const FIELDS: readonly Field[] = ['name', 'address', 'note'];
const run = (state: FormState<Field>, ...actions: FormAction<Field>[]) => actions.reduce(formReducer<Field>, state);
const type = (text: string): FormAction<Field> => ({ type: 'edit', edit: { type: 'insert', text } });

describe('the form reducer', () => {
  it('starts on the first field with the values given, the rest empty', () => {
    const state = initialForm(FIELDS, { note: 'kept' });
    expect(state).toEqual({
      fields: FIELDS,
      values: { name: '', address: '', note: 'kept' },
      focus: 'name',
      visited: [],
    });
    expect(() => initialForm([])).toThrow(RangeError);
  });

  it('types into the focused field only', () => {
    const state = run(initialForm(FIELDS), type('bob'), { type: 'next' }, type('5Grw'), {
      type: 'edit',
      edit: { type: 'delete-back' },
    });
    expect(state.values).toEqual({ name: 'bob', address: '5Gr', note: '' });
  });

  it('moves the focus both ways, wrapping round, and remembers the fields it left', () => {
    let state = run(initialForm(FIELDS), { type: 'previous' });
    expect(state.focus).toBe('note');
    expect(isLastField(state)).toBe(true);
    state = run(state, { type: 'next' });
    expect(state.focus).toBe('name');
    expect(state.visited).toEqual(['name', 'note']);
    state = run(state, { type: 'focus', field: 'address' }, { type: 'focus', field: 'address' });
    expect(state.focus).toBe('address');
    expect(state.visited).toEqual(['name', 'note']);
  });

  it('ignores a focus on a field the form does not have', () => {
    const state = initialForm(FIELDS);
    expect(formReducer(state, { type: 'focus', field: 'nope' as Field })).toBe(state);
  });

  it('drops paste markers and control characters, and keeps the state when nothing changes', () => {
    const state = run(initialForm(FIELDS), type('\u001B[200~5Grw\u001B[201~'));
    expect(state.values.name).toBe('5Grw');
    expect(formReducer(state, type('\u001B[201~'))).toBe(state);
  });

  it('tells a touched field: one with text, or one the user has been past', () => {
    let state = initialForm(FIELDS);
    expect(isTouched(state, 'name')).toBe(false);
    state = run(state, type('x'));
    expect(isTouched(state, 'name')).toBe(true);
    expect(isTouched(state, 'address')).toBe(false);
    state = run(state, { type: 'visit-all' });
    expect(FIELDS.every((f) => isTouched(state, f))).toBe(true);
  });

  it('clears every value and starts again on the first field', () => {
    const state = run(initialForm(FIELDS), type('secret'), { type: 'next' }, type('more'), { type: 'clear' });
    expect(state).toEqual(initialForm(FIELDS));
  });
});
