import { type Key } from 'ink';
import { useRef } from 'react';
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

const PASTE_START = /^\x1b?\[200~/u;
const PASTE_END = /\x1b?\[201~$/u;

/**
 * Feeds the keys to a whole form through ONE input handler that reads the focus as the keys
 * so far have left it: "bob⇥5Grw…⏎" typed faster than frames still lands in the right fields,
 * which per-field handlers switched by `isActive` cannot promise.
 */
export function useForm<F extends string>({ fields, initial, isActive, onSubmit, onCancel }: FormOptions<F>) {
  const [state, dispatch, current] = useSynchronousReducer<FormState<F>, FormAction<F>>(formReducer, () => initialForm(fields, initial));
  const pasting = useRef(false);

  const enter = () => {
    if (isLastField(current.current)) onSubmit(current.current.values);
    else dispatch({ type: 'next' });
  };
  // Keys typed ahead arrive as one chunk ("bob⇥5Grw…⏎"): its Tabs and Enters still move and
  // submit, in order. A bracketed paste is only ever text.
  const typeChunk = (chunk: string) => {
    if (pasting.current) return dispatch({ type: 'edit', edit: { type: 'insert', text: chunk } });
    for (const part of chunk.split(/([\t\r\n])/u)) {
      if (part === '\t') dispatch({ type: 'next' });
      else if (part === '\r' || part === '\n') enter();
      else if (part) dispatch({ type: 'edit', edit: { type: 'insert', text: part } });
    }
  };

  const handle = (input: string, key: Key) => {
    if (isInterrupt(input, key)) return;
    // Ink hands the paste markers over as keys of their own, around the pasted text.
    if (PASTE_START.test(input)) pasting.current = true;
    if (PASTE_END.test(input)) pasting.current = false;
    if (PASTE_START.test(input) || PASTE_END.test(input)) return;
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
    else if (input) typeChunk(input);
  };
  useKeys(handle, isActive);

  return { state, dispatch, current: () => current.current };
}
