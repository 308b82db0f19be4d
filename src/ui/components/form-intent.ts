import type { Key } from 'ink';
import { commandFor, formKeyOf } from '../keymap.js';
import type { TextFieldAction } from './text-field-state.js';

/** A change to the form itself, in the shape every form's reducer takes. */
export type FieldAction = { type: 'next' } | { type: 'previous' } | { type: 'edit'; edit: TextFieldAction };

/** What a key means in a form: move or edit, turn the choice under the focus, send the form, or leave it. */
export type FormIntent =
  { type: 'field'; action: FieldAction } | { type: 'choose'; step: 1 | -1 } | { type: 'send' } | { type: 'leave' };

/** Where the focus is: Enter sends only from the last field, and a choice takes Space and ←/→, not text. */
export interface FormFocus {
  onLastField: boolean;
  onChoice: boolean;
}

/** The one reading of keys in every form, from the keymap's form commands. */
export function formIntentOf(input: string, key: Key, focus: FormFocus): FormIntent | undefined {
  const formKey = formKeyOf(input, key);
  if (!formKey) return undefined;
  const edit = (action: TextFieldAction): FormIntent => ({ type: 'field', action: { type: 'edit', edit: action } });
  if ('insert' in formKey) {
    if (!focus.onChoice) return edit({ type: 'insert', text: formKey.insert });
    return commandFor(input, key, ['toggle']) ? { type: 'choose', step: 1 } : undefined;
  }
  switch (formKey.command) {
    case 'confirm':
      return focus.onLastField ? { type: 'send' } : { type: 'field', action: { type: 'next' } };
    case 'submit':
      return { type: 'send' };
    case 'back':
      return { type: 'leave' };
    case 'nextField':
      return { type: 'field', action: { type: 'next' } };
    case 'previousField':
      return { type: 'field', action: { type: 'previous' } };
    case 'previousChoice':
    case 'nextChoice':
      return focus.onChoice ? { type: 'choose', step: formKey.command === 'nextChoice' ? 1 : -1 } : undefined;
    case 'deleteBack':
      return focus.onChoice ? undefined : edit({ type: 'delete-back' });
    case 'deleteWord':
      return focus.onChoice ? undefined : edit({ type: 'delete-word' });
    case 'clearField':
      return focus.onChoice ? undefined : edit({ type: 'clear' });
  }
}
