import { initialList, listReducer, type ListAction, type ListState } from '../../ui/components/list-state.js';
import { textFieldReducer, type TextFieldAction } from '../../ui/components/text-field-state.js';

/** The account list: a cursor, and a filter that is being typed or kept. */
export interface HomeState {
  editing: boolean;
  query: string;
  list: ListState;
}

export type Move = Exclude<ListAction['type'], 'resize'>;

export type HomeAction =
  | { type: 'start-filter' }
  | { type: 'edit-filter'; edit: TextFieldAction }
  | { type: 'keep-filter' }
  | { type: 'clear-filter' }
  /** `count` is how many accounts the filter shows now, `height` the rows in view. */
  | { type: 'move'; move: Move; count: number; height: number };

export const initialHome = (height: number): HomeState => ({ editing: false, query: '', list: initialList(0, height) });

export function homeReducer(state: HomeState, action: HomeAction): HomeState {
  switch (action.type) {
    case 'start-filter':
      return { ...state, editing: true };
    case 'edit-filter': {
      const query = textFieldReducer({ value: state.query }, action.edit).value;
      // Another filter shows other accounts: start at the first of them.
      return query === state.query ? state : { ...state, query, list: listReducer(state.list, { type: 'first' }) };
    }
    case 'keep-filter':
      return { ...state, editing: false };
    case 'clear-filter':
      return { editing: false, query: '', list: listReducer(state.list, { type: 'first' }) };
    case 'move': {
      const sized = listReducer(state.list, { type: 'resize', count: action.count, height: action.height });
      return { ...state, list: listReducer(sized, { type: action.move }) };
    }
  }
}

/** The cursor fitted to the list as it is now (the vault or the window may have changed since). */
export function fittedList(state: HomeState, count: number, height: number): ListState {
  return listReducer(state.list, { type: 'resize', count, height });
}
