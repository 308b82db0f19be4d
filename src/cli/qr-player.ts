import { enterFullScreen } from '../ui/full-screen.js';
import { actionOfKey, playbackReducer, type Playback } from '../qr/playback.js';
import { screenText } from '../qr/screen-text.js';
import type { QrShow } from '../qr/show.js';
import { openTerminal } from './terminal.js';

const HIDE_CURSOR = '\x1b[?25l';

/**
 * Plays a QR show on the terminal's alternate screen until q, Esc or Ctrl-C: frames at the
 * chosen speed, space pauses, → steps, f switches UR and dense frames, and a resize fits the
 * code to the new size.
 */
export function playOnTerminal(show: QrShow, fps: number): Promise<void> {
  const terminal = openTerminal(
    'show the QR code on',
    'run `airlock qr show` in a terminal (80×24 or larger); `airlock qr read` reads pictures of it',
  );
  const { input } = terminal;
  const screen = enterFullScreen(terminal);
  const { output } = screen;
  let state: Playback = { paused: false, fps, framing: show.framing, steps: 0, quit: false };
  const size = () => {
    const [columns, rows] = output.getWindowSize();
    return { columns, rows };
  };
  const draw = () => output.write(screenText(show.lines(state)));

  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const schedule = () => {
      clearInterval(timer);
      timer = setInterval(() => {
        if (state.paused) return;
        show.advance();
        draw();
      }, 1000 / state.fps);
    };
    const onResize = () => {
      show.resize(size());
      draw();
    };
    const onKey = (chunk: Buffer) => {
      const action = actionOfKey(chunk.toString('latin1'));
      if (!action) return;
      const before = state;
      state = playbackReducer(state, action);
      if (state.quit) {
        stop();
        return resolve();
      }
      show.setFraming(state.framing);
      for (; state.steps > 0; state = { ...state, steps: state.steps - 1 }) show.advance();
      if (state.fps !== before.fps) schedule();
      draw();
    };
    const stop = () => {
      clearInterval(timer);
      process.off('SIGWINCH', onResize);
      input.off('data', onKey);
      screen.leave();
      terminal.close();
    };
    try {
      output.write(HIDE_CURSOR);
      input.setRawMode(true);
      input.on('data', onKey);
      process.on('SIGWINCH', onResize);
      show.resize(size());
      draw();
      schedule();
    } catch (error) {
      stop();
      reject(error);
    }
  });
}
