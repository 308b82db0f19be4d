import { type Key } from 'ink';
import { isInterrupt } from '../keymap.js';
import { formIntentOf } from './form-intent.js';
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

  const handle = (input: string, key: Key) => {
    if (isInterrupt(input, key)) return;
    const now = latest();
    const intent = formIntentOf(input, key, { onLastField: isLastField(now), onChoice: false });
    if (intent?.type === 'field') dispatch(intent.action);
    else if (intent?.type === 'send') onSubmit(now.values);
    else if (intent?.type === 'leave') onCancel();
  };
  useKeys(handle, isActive);

  return { state, dispatch, latest };
}
