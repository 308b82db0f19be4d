import { DEFAULT_FPS, playbackReducer, type PlaybackAction } from '../../qr/playback.js';

/**
 * The player's state: pause and speed as `airlock qr show` keeps them (its reducer, its
 * limits), and how many frames have been advanced, which says which frame is shown.
 */
export interface PlayerState {
  paused: boolean;
  fps: number;
  advanced: number;
}

export type PlayerAction = Exclude<PlaybackAction, 'quit'> | 'tick';

export const initialPlayer = (fps = DEFAULT_FPS): PlayerState => ({ paused: false, fps, advanced: 0 });

export function playerReducer(state: PlayerState, action: PlayerAction): PlayerState {
  if (action === 'tick') return state.paused ? state : { ...state, advanced: state.advanced + 1 };
  // A step pauses, as in the CLI, and shows one frame more.
  if (action === 'step') return { ...state, paused: true, advanced: state.advanced + 1 };
  const { paused, fps } = playbackReducer({ paused: state.paused, fps: state.fps, steps: 0, quit: false }, action);
  return paused === state.paused && fps === state.fps ? state : { ...state, paused, fps };
}
