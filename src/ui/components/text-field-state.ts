/** The text of a one-line field; the cursor stays at the end, as in a terminal prompt. */
export interface TextFieldState {
  value: string;
}

export type TextFieldAction =
  | { type: 'insert'; text: string }
  | { type: 'delete-back' }
  | { type: 'delete-word' }
  | { type: 'clear' }
  | { type: 'set'; value: string };

// Bracketed-paste markers and other control characters never become part of the value.
// eslint-disable-next-line no-control-regex -- bracketed-paste markers begin with ESC
const PASTE_MARKERS = /\x1b?\[20[01]~/gu;
const CONTROL = /[\p{Cc}]/gu;

export function textFieldReducer(state: TextFieldState, action: TextFieldAction): TextFieldState {
  switch (action.type) {
    case 'insert': {
      const text = action.text
        .replace(PASTE_MARKERS, '')
        .replace(/[\r\n\t]+/gu, ' ')
        .replace(CONTROL, '');
      return text ? { value: state.value + text } : state;
    }
    case 'delete-back':
      return { value: [...state.value].slice(0, -1).join('') };
    case 'delete-word':
      return { value: state.value.replace(/\S*\s*$/u, '') };
    case 'clear':
      return { value: '' };
    case 'set':
      return { value: action.value };
  }
}
