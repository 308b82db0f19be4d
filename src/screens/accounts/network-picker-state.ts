import { initialList, listReducer, type ListState } from '../../ui/components/list-state.js';
import { textFieldReducer, type TextFieldAction } from '../../ui/components/text-field-state.js';
import { searchNetworks, type Network } from '../../vault/networks.js';
import type { Move } from './accounts-home-state.js';

/** Which network an account's address is shown in, and the picker that changes it. */
export interface PickerState {
  all: readonly Network[];
  /** The network name the address is shown in. */
  shown: string;
  open: boolean;
  query: string;
  matches: readonly Network[];
  list: ListState;
}

export type PickerAction =
  | { type: 'open'; height: number }
  | { type: 'close' }
  | { type: 'pick' }
  | { type: 'edit'; edit: TextFieldAction }
  | { type: 'move'; move: Move };

export const initialPicker = (all: readonly Network[], shown: string): PickerState => ({
  all,
  shown,
  open: false,
  query: '',
  matches: all,
  list: initialList(all.length, 1),
});

function listAt(count: number, height: number, index: number): ListState {
  const cursor = Math.max(0, Math.min(index, count - 1));
  return { cursor, offset: Math.max(0, Math.min(cursor, count - height)), count, height: Math.max(1, height) };
}

export function pickerReducer(state: PickerState, action: PickerAction): PickerState {
  switch (action.type) {
    case 'open': {
      // It opens on the network shown now, so Enter straight away changes nothing.
      const index = state.all.findIndex((n) => n.name === state.shown);
      return {
        ...state,
        open: true,
        query: '',
        matches: state.all,
        list: listAt(state.all.length, action.height, index),
      };
    }
    case 'close':
      return { ...state, open: false };
    case 'pick': {
      const chosen = state.matches[state.list.cursor];
      return chosen ? { ...state, open: false, shown: chosen.name } : state;
    }
    case 'edit': {
      const query = textFieldReducer({ value: state.query }, action.edit).value;
      if (query === state.query) return state;
      const matches = searchNetworks(state.all, query);
      return { ...state, query, matches, list: initialList(matches.length, state.list.height) };
    }
    case 'move':
      return { ...state, list: listReducer(state.list, { type: action.move }) };
  }
}
