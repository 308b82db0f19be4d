import { useCallback, useRef, useState } from 'react';

/**
 * useReducer whose state can also be read at once, through `latest()`. Keys typed faster than
 * the screen redraws (a paste, a test, a fast typist) each see the state the previous key left,
 * not the state of the last frame.
 */
export function useSynchronousReducer<S, A>(reducer: (state: S, action: A) => S, initial: S | (() => S)) {
  const [state, setState] = useState(initial);
  const ref = useRef(state);
  const dispatch = useCallback(
    (action: A) => {
      ref.current = reducer(ref.current, action);
      setState(ref.current);
    },
    [reducer],
  );
  const latest = useCallback(() => ref.current, []);
  return [state, dispatch, latest] as const;
}
