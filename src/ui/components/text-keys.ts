import type { Key } from 'ink';
import type { TextFieldAction } from './use-text-field-state.js';

export interface TextKey {
  edit?: TextFieldAction;
  submit: boolean;
}

/**
 * What a key does to a one-line text field, read the way `useTextField` reads keys, for
 * screens whose one key handler serves a field and a list, or several fields. Undefined for
 * keys that do not edit text (arrows, Tab, Esc), which the screen gives their own meaning.
 * The key router hands keys over one by one; a multi-character input is a paste, all text.
 */
export function textKeyOf(input: string, key: Key): TextKey | undefined {
  if (key.return) return { submit: true };
  if (
    key.escape ||
    key.tab ||
    key.upArrow ||
    key.downArrow ||
    key.leftArrow ||
    key.rightArrow ||
    key.pageUp ||
    key.pageDown
  ) {
    return undefined;
  }
  if (key.backspace || key.delete) return { edit: { type: 'delete-back' }, submit: false };
  if (key.ctrl && input === 'w') return { edit: { type: 'delete-word' }, submit: false };
  if (key.ctrl && input === 'u') return { edit: { type: 'clear' }, submit: false };
  if (key.ctrl || key.meta || !input) return undefined;
  return { edit: { type: 'insert', text: input }, submit: false };
}
