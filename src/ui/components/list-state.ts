/** A cursor over `count` items, with the window of `height` rows that shows it. */
export interface ListState {
  cursor: number;
  offset: number;
  count: number;
  height: number;
}

export type ListAction =
  | { type: 'up' }
  | { type: 'down' }
  | { type: 'page-up' }
  | { type: 'page-down' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'resize'; count: number; height: number };

/** A move of the cursor, as a key makes it. */
export type ListMove = Exclude<ListAction['type'], 'resize'>;

export const initialList = (count: number, height: number): ListState => ({
  cursor: 0,
  offset: 0,
  count,
  height: Math.max(1, height),
});

export function listReducer(state: ListState, action: ListAction): ListState {
  const moveTo = (cursor: number, s: ListState = state): ListState => {
    const clamped = Math.max(0, Math.min(cursor, s.count - 1));
    const target = s.count === 0 ? 0 : clamped;
    // Scroll only as far as needed to keep the cursor in view.
    const offset = Math.min(Math.max(s.offset, target - s.height + 1), target, Math.max(0, s.count - s.height));
    return { ...s, cursor: target, offset: Math.max(0, offset) };
  };
  switch (action.type) {
    case 'up':
      return moveTo(state.cursor - 1);
    case 'down':
      return moveTo(state.cursor + 1);
    case 'page-up':
      return moveTo(state.cursor - state.height);
    case 'page-down':
      return moveTo(state.cursor + state.height);
    case 'first':
      return moveTo(0);
    case 'last':
      return moveTo(state.count - 1);
    case 'resize':
      return moveTo(state.cursor, { ...state, count: action.count, height: Math.max(1, action.height) });
  }
}
