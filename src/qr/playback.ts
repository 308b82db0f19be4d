import type { Framing } from './frames.js';

/** The player's state, changed only by `playbackReducer`: pause, single steps, speed, framing. */
export interface Playback {
  paused: boolean;
  fps: number;
  /** How a payload's frames are drawn: UR for any reader, dense for airlock (see frames.ts). */
  framing: Framing;
  /** Frames to advance at the next draw (a step while paused). */
  steps: number;
  quit: boolean;
}

export type PlaybackAction = 'toggle-pause' | 'step' | 'faster' | 'slower' | 'switch-framing' | 'quit';

export const DEFAULT_FPS = 8;
export const MAX_FPS = 30;

export function checkFps(value: string | number): number {
  const fps = Number(value);
  if (!Number.isFinite(fps) || fps <= 0 || fps > MAX_FPS)
    throw new RangeError(`fps: expected a number above 0 and at most ${MAX_FPS}, got ${value}`);
  return fps;
}

export function playbackReducer(state: Playback, action: PlaybackAction): Playback {
  switch (action) {
    case 'toggle-pause':
      return { ...state, paused: !state.paused };
    case 'step':
      return { ...state, paused: true, steps: state.steps + 1 };
    case 'faster':
      return { ...state, fps: Math.min(MAX_FPS, state.fps + 1) };
    case 'slower':
      return { ...state, fps: Math.max(1, state.fps - 1) };
    case 'switch-framing':
      return { ...state, framing: state.framing === 'ur' ? 'dense' : 'ur' };
    case 'quit':
      return { ...state, quit: true };
  }
}

/** Keys as a raw terminal sends them. */
export function actionOfKey(key: string): PlaybackAction | undefined {
  if (key === ' ' || key === 'p') return 'toggle-pause';
  if (key === '\x1b[C' || key === '\x1bOC' || key === 'l') return 'step';
  if (key === '+' || key === '=') return 'faster';
  if (key === '-') return 'slower';
  if (key === 'f') return 'switch-framing';
  if (key === 'q' || key === 'Q' || key === '\x1b' || key === '\x03') return 'quit';
  return undefined;
}
