import type { Key } from 'ink';
import { isLastField, type FormAction, type FormState } from '../../ui/components/form-state.js';
import type { TextFieldAction } from '../../ui/components/text-field-state.js';
import { formKeyOf } from '../../ui/keymap.js';

/**
 * What a key means in a form that lives in a screen's reducer: a change to the form, or one of
 * the screen's own (send it, leave it, turn the choice under the focus).
 */
export type FormIntent<F extends string> =
  { type: 'form'; action: FormAction<F> } | { type: 'send' } | { type: 'leave' } | { type: 'choose' };

/** The keymap's reading of a key in a form, with Enter sending the form only from its last field. */
export function formIntentOf<F extends string>(input: string, key: Key, form: FormState<F>): FormIntent<F> | undefined {
  const formKey = formKeyOf(input, key);
  if (!formKey) return undefined;
  const change = (action: FormAction<F>): FormIntent<F> => ({ type: 'form', action });
  const edit = (action: TextFieldAction) => change({ type: 'edit', edit: action });
  if ('insert' in formKey) return edit({ type: 'insert', text: formKey.insert });
  switch (formKey.command) {
    case 'confirm':
      return isLastField(form) ? { type: 'send' } : change({ type: 'next' });
    case 'submit':
      return { type: 'send' };
    case 'back':
      return { type: 'leave' };
    case 'nextField':
      return change({ type: 'next' });
    case 'previousField':
      return change({ type: 'previous' });
    case 'deleteBack':
      return edit({ type: 'delete-back' });
    case 'deleteWord':
      return edit({ type: 'delete-word' });
    case 'clearField':
      return edit({ type: 'clear' });
    case 'previousChoice':
    case 'nextChoice':
      return { type: 'choose' };
  }
}
