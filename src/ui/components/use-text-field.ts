import { useKeys } from '../use-keys.js';
import { isInterrupt } from '../keymap.js';
import { useSynchronousReducer } from '../use-synchronous-reducer.js';
import { textFieldReducer } from './use-text-field-state.js';

export interface TextFieldOptions {
  initial?: string;
  isActive: boolean;
  onSubmit?: (value: string) => void;
  onCancel?: () => void;
  /** Keys the field does not use (Tab, arrows) are offered here, e.g. for completion. */
  onOtherKey?: (input: string, key: import('ink').Key) => void;
}

/** Owns a text field's value and feeds it the keys while the field is active. */
export function useTextField({ initial = '', isActive, onSubmit, onCancel, onOtherKey }: TextFieldOptions) {
  const [state, dispatch, current] = useSynchronousReducer(textFieldReducer, { value: initial });
  // Keys typed faster than they are read arrive as one chunk: "secret⏎" is text, then Enter;
  // "\x7f\x7f" is two backspaces. A bracketed paste is only text, whatever it holds.
  const typeChunk = (chunk: string) => {
    if (chunk.startsWith('\x1b[200~') || chunk.startsWith('[200~')) return dispatch({ type: 'insert', text: chunk });
    for (const ch of chunk) {
      if (ch === '\r' || ch === '\n') return onSubmit?.(current.current.value);
      if (ch === '\x7f' || ch === '\b') dispatch({ type: 'delete-back' });
      else dispatch({ type: 'insert', text: ch });
    }
  };
  useKeys(
    (input, key) => {
      if (isInterrupt(input, key)) return;
      if (key.return) onSubmit?.(current.current.value);
      else if (key.escape) onCancel?.();
      else if (key.backspace || key.delete) dispatch({ type: 'delete-back' });
      else if (key.ctrl && input === 'w') dispatch({ type: 'delete-word' });
      else if (key.ctrl && input === 'u') dispatch({ type: 'clear' });
      else if (key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.ctrl || key.meta) onOtherKey?.(input, key);
      else if (input) typeChunk(input);
    },
    isActive,
  );
  return { value: state.value, set: (value: string) => dispatch({ type: 'set', value }), clear: () => dispatch({ type: 'clear' }) };
}
