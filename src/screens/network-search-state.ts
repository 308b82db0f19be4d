import { listReducer, type ListMove, type ListState } from '../ui/components/list-state.js';
import { textFieldReducer, type TextFieldAction } from '../ui/components/text-field-state.js';
import { searchNetworks, similarNetworks, type Network } from '../vault/networks.js';

/** A list of networks narrowed by what the user types, with a cursor over the matches. */
export interface NetworkSearch {
  all: readonly Network[];
  /** The network in use now: the search opens on it, returns to it when emptied, and a pick replaces it. */
  current: string;
  /** Whether the search is showing; a screen that is only the search opens it once and keeps it. */
  open: boolean;
  query: string;
  /** The networks whose name, display name or prefix contain the query; when none do, the names it is a typo of. */
  matches: readonly Network[];
  /** Whether the matches are guesses at a typo ("did you mean"), not names that contain the query. */
  guessed: boolean;
  list: ListState;
}

export type NetworkSearchAction =
  /** Opens the search, on `current` when given (the network in use may have changed while it was closed). */
  | { type: 'open'; height: number; current?: string }
  | { type: 'close' }
  | { type: 'pick' }
  | { type: 'edit'; edit: TextFieldAction }
  | { type: 'move'; move: ListMove }
  | { type: 'resize'; height: number };

export const closedNetworkSearch = (all: readonly Network[], current: string): NetworkSearch => ({
  all,
  current,
  open: false,
  query: '',
  matches: all,
  guessed: false,
  list: listOn(all, current, 1),
});

/** Opens with the cursor on the current network, so Enter alone keeps it. */
export const openNetworkSearch = (all: readonly Network[], current: string, height: number): NetworkSearch =>
  networkSearchReducer(closedNetworkSearch(all, current), { type: 'open', height });

/** The list with its cursor on `name` (else the first match), scrolled into view. */
function listOn(matches: readonly Network[], name: string, height: number): ListState {
  const cursor = Math.max(
    0,
    matches.findIndex((n) => n.name === name),
  );
  return listReducer(
    { cursor, offset: 0, count: matches.length, height },
    { type: 'resize', count: matches.length, height },
  );
}

export function networkSearchReducer(state: NetworkSearch, action: NetworkSearchAction): NetworkSearch {
  switch (action.type) {
    case 'open': {
      const current = action.current ?? state.current;
      return {
        ...state,
        current,
        open: true,
        query: '',
        matches: state.all,
        guessed: false,
        list: listOn(state.all, current, action.height),
      };
    }
    case 'close':
      return { ...state, open: false };
    case 'pick': {
      const chosen = chosenNetwork(state);
      return chosen ? { ...state, open: false, current: chosen.name } : state;
    }
    case 'edit': {
      const query = textFieldReducer({ value: state.query }, action.edit).value;
      if (query === state.query) return state;
      const found = searchNetworks(state.all, query);
      const guessed = found.length === 0;
      const matches = guessed ? similarNetworks(state.all, query) : found;
      // The best match first; with nothing typed, back to the current network.
      const list = listOn(matches, query === '' ? state.current : '', state.list.height);
      return { ...state, query, matches, guessed, list };
    }
    case 'move':
      return { ...state, list: listReducer(state.list, { type: action.move }) };
    case 'resize':
      return {
        ...state,
        list: listReducer(state.list, { type: 'resize', count: state.matches.length, height: action.height }),
      };
  }
}

/** The highlighted match, if anything matches. */
export const chosenNetwork = (state: NetworkSearch): Network | undefined => state.matches[state.list.cursor];
