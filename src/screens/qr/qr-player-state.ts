import type { Framing } from '../../qr/frames.js';
import { DEFAULT_FPS, playbackReducer, type PlaybackAction } from '../../qr/playback.js';

/**
 * The player's state: pause, speed and framing as `airlock qr show` keeps them (its reducer,
 * its limits), and how many frames have been advanced, which says which frame is shown.
 */
export interface PlayerState {
  paused: boolean;
  fps: number;
  framing: Framing;
  advanced: number;
}

export type PlayerAction = Exclude<PlaybackAction, 'quit'> | 'tick';

export const initialPlayer = (fps = DEFAULT_FPS, framing: Framing = 'ur'): PlayerState => ({
  paused: false,
  fps,
  framing,
  advanced: 0,
});

export function playerReducer(state: PlayerState, action: PlayerAction): PlayerState {
  if (action === 'tick') return state.paused ? state : { ...state, advanced: state.advanced + 1 };
  // A step pauses, as in the CLI, and shows one frame more.
  if (action === 'step') return { ...state, paused: true, advanced: state.advanced + 1 };
  const { paused, fps, framing } = playbackReducer(
    { paused: state.paused, fps: state.fps, framing: state.framing, steps: 0, quit: false },
    action,
  );
  return paused === state.paused && fps === state.fps && framing === state.framing
    ? state
    : { ...state, paused, fps, framing };
}
