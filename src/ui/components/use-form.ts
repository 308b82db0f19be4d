import { type Key } from 'ink';
import { formKeyOf, isInterrupt } from '../keymap.js';
import { useSynchronousReducer } from '../use-synchronous-reducer.js';
import { formReducer, initialForm, isLastField, type FormAction, type FormState } from './form-state.js';
import { useKeys } from '../use-keys.js';

export interface FormOptions<F extends string> {
  fields: readonly F[];
  initial?: Partial<Record<F, string>>;
  isActive: boolean;
  /** Enter on the last field, or Ctrl-S on any. */
  onSubmit: (values: Record<F, string>) => void;
  onCancel: () => void;
}

/**
 * Feeds the keys to a whole form through one input handler that reads the focus as the keys
 * so far have left it, so "bob⇥5Grw…⏎" typed faster than frames lands in the right fields.
 */
export function useForm<F extends string>({ fields, initial, isActive, onSubmit, onCancel }: FormOptions<F>) {
  const [state, dispatch, latest] = useSynchronousReducer<FormState<F>, FormAction<F>>(formReducer, () =>
    initialForm(fields, initial),
  );

  const enter = () => {
    if (isLastField(latest())) onSubmit(latest().values);
    else dispatch({ type: 'next' });
  };
  const handle = (input: string, key: Key) => {
    if (isInterrupt(input, key)) return;
    const formKey = formKeyOf(input, key);
    if (!formKey) return;
    if ('insert' in formKey) return dispatch({ type: 'edit', edit: { type: 'insert', text: formKey.insert } });
    switch (formKey.command) {
      case 'confirm':
        return enter();
      case 'back':
        return onCancel();
      case 'nextField':
        return dispatch({ type: 'next' });
      case 'previousField':
        return dispatch({ type: 'previous' });
      case 'submit':
        return onSubmit(latest().values);
      case 'deleteBack':
        return dispatch({ type: 'edit', edit: { type: 'delete-back' } });
      case 'deleteWord':
        return dispatch({ type: 'edit', edit: { type: 'delete-word' } });
      case 'clearField':
        return dispatch({ type: 'edit', edit: { type: 'clear' } });
      case 'previousChoice':
      case 'nextChoice':
        return;
    }
  };
  useKeys(handle, isActive);

  return { state, dispatch, latest };
}
