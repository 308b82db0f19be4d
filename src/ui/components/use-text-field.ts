import type { Key } from 'ink';
import { useKeys } from '../use-keys.js';
import { commandFor, isInterrupt } from '../keymap.js';
import { useSynchronousReducer } from '../use-synchronous-reducer.js';
import { textKeyOf } from './text-keys.js';
import { textFieldReducer } from './text-field-state.js';

export interface TextFieldOptions {
  initial?: string;
  isActive: boolean;
  onSubmit?: (value: string) => void;
  onCancel?: () => void;
  /** Keys the field does not use (Tab, arrows) are offered here, e.g. for completion. */
  onOtherKey?: (input: string, key: Key) => void;
}

/** Owns a text field's value and feeds it the keys while the field is active. */
export function useTextField({ initial = '', isActive, onSubmit, onCancel, onOtherKey }: TextFieldOptions) {
  const [state, dispatch, latest] = useSynchronousReducer(textFieldReducer, { value: initial });
  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    const typed = textKeyOf(input, key);
    if (typed?.submit) onSubmit?.(latest().value);
    else if (typed?.edit) dispatch(typed.edit);
    else if (commandFor(input, key, ['back'])) onCancel?.();
    else onOtherKey?.(input, key);
  }, isActive);
  return {
    value: state.value,
    set: (value: string) => dispatch({ type: 'set', value }),
    clear: () => dispatch({ type: 'clear' }),
  };
}
