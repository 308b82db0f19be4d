import type { Key } from 'ink';
import { formKeyOf } from '../keymap.js';
import type { TextFieldAction } from './text-field-state.js';

export interface TextKey {
  edit?: TextFieldAction;
  submit: boolean;
}

/**
 * What a key does to a one-line text field, for screens whose one key handler serves a field
 * and a list, or several fields. Undefined for keys that do not edit text (arrows, Tab, Esc),
 * which the screen gives their own meaning. The key router hands keys over one by one; a
 * multi-character input is a paste, all text.
 */
export function textKeyOf(input: string, key: Key): TextKey | undefined {
  const formKey = formKeyOf(input, key);
  if (!formKey) return undefined;
  if ('insert' in formKey) return { edit: { type: 'insert', text: formKey.insert }, submit: false };
  switch (formKey.command) {
    case 'confirm':
      return { submit: true };
    case 'deleteBack':
      return { edit: { type: 'delete-back' }, submit: false };
    case 'deleteWord':
      return { edit: { type: 'delete-word' }, submit: false };
    case 'clearField':
      return { edit: { type: 'clear' }, submit: false };
    default:
      return undefined;
  }
}
