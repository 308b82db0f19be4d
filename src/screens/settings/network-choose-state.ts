import { listReducer, type ListAction, type ListState } from '../../ui/components/list-state.js';
import { textFieldReducer, type TextFieldAction } from '../../ui/components/text-field-state.js';
import { searchNetworks, type Network } from '../../vault/networks.js';

/** A list of networks narrowed by what the user types, with a cursor over the matches. */
export interface NetworkChooseState {
  all: readonly Network[];
  /** The default network now: where the cursor starts, and returns when the filter is emptied. */
  current: string;
  filter: string;
  matches: readonly Network[];
  list: ListState;
}

export type NetworkChooseAction =
  | { type: 'filter'; edit: TextFieldAction }
  | { type: 'move'; move: Exclude<ListAction, { type: 'resize' }> }
  | { type: 'resize'; height: number };

/** Opens with the cursor on the current network, so Enter alone keeps it. */
export function initialNetworkChoose(all: readonly Network[], current: string, height: number): NetworkChooseState {
  return { all, current, filter: '', matches: all, list: listAt(all, current, height) };
}

function listAt(matches: readonly Network[], name: string, height: number): ListState {
  const cursor = Math.max(
    0,
    matches.findIndex((n) => n.name === name),
  );
  // A resize scrolls the window to wherever the cursor is.
  return listReducer(
    { cursor, offset: 0, count: matches.length, height },
    { type: 'resize', count: matches.length, height },
  );
}

export function networkChooseReducer(state: NetworkChooseState, action: NetworkChooseAction): NetworkChooseState {
  switch (action.type) {
    case 'filter': {
      const filter = textFieldReducer({ value: state.filter }, action.edit).value;
      if (filter === state.filter) return state;
      const matches = searchNetworks(state.all, filter);
      // The best match first; with no filter, back to the current network.
      const list = listAt(matches, filter === '' ? state.current : '', state.list.height);
      return { ...state, filter, matches, list };
    }
    case 'move':
      return { ...state, list: listReducer(state.list, action.move) };
    case 'resize':
      return {
        ...state,
        list: listReducer(state.list, { type: 'resize', count: state.matches.length, height: action.height }),
      };
  }
}

export const chosenNetwork = (state: NetworkChooseState): Network | undefined => state.matches[state.list.cursor];
