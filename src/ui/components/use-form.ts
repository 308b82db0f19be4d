import { type Key } from 'ink';
import { isInterrupt } from '../keymap.js';
import { useSynchronousReducer } from '../use-synchronous-reducer.js';
import { formReducer, initialForm, isLastField, type FormAction, type FormState } from './use-form-state.js';
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
  const [state, dispatch, current] = useSynchronousReducer<FormState<F>, FormAction<F>>(formReducer, () =>
    initialForm(fields, initial),
  );

  const enter = () => {
    if (isLastField(current.current)) onSubmit(current.current.values);
    else dispatch({ type: 'next' });
  };
  const handle = (input: string, key: Key) => {
    if (isInterrupt(input, key)) return;
    if (key.return) enter();
    else if (key.escape) onCancel();
    else if (key.tab) dispatch({ type: key.shift ? 'previous' : 'next' });
    else if (key.downArrow) dispatch({ type: 'next' });
    else if (key.upArrow) dispatch({ type: 'previous' });
    else if (key.backspace || key.delete) dispatch({ type: 'edit', edit: { type: 'delete-back' } });
    else if (key.ctrl && input === 's') onSubmit(current.current.values);
    else if (key.ctrl && input === 'w') dispatch({ type: 'edit', edit: { type: 'delete-word' } });
    else if (key.ctrl && input === 'u') dispatch({ type: 'edit', edit: { type: 'clear' } });
    else if (key.ctrl || key.meta || key.leftArrow || key.rightArrow) return;
    else if (input) dispatch({ type: 'edit', edit: { type: 'insert', text: input } });
  };
  useKeys(handle, isActive);

  return { state, dispatch, current: () => current.current };
}
