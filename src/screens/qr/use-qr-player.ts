import { useEffect, useMemo } from 'react';
import { QrShow, type ShowSource } from '../../qr/show.js';
import { commandFor, isInterrupt, stepOf } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import { initialPlayer, playerReducer, type PlayerState } from './qr-player-state.js';

/**
 * The player's keys and clock, and the lines it shows now: `QrShow`'s, the very lines
 * `airlock qr show` draws, fitted to the whole terminal and fitted again when it is resized.
 */
export function useQrPlayer(source: ShowSource): string[] {
  const shell = useShell();
  const [state, dispatch] = useSynchronousReducer(playerReducer, () =>
    initialPlayer(undefined, source.kind === 'payload' ? source.framing : undefined),
  );
  const show = useMemo(() => new ShownAsState(source), [source]);
  const lines = show.lines(state, shell.width, shell.height);

  // A single code stays as it is: no clock, so the screen is not redrawn for nothing.
  const animated = source.kind === 'payload' && show.parts > 1;
  useEffect(() => {
    if (!animated || state.paused) return undefined;
    const timer = setInterval(() => dispatch('tick'), 1000 / state.fps);
    return () => clearInterval(timer);
  }, [animated, state.paused, state.fps, dispatch]);

  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    const command = commandFor(input, key, ['pause', 'step', 'speed', 'framing', 'back', 'quit']);
    if (command === 'pause') dispatch('toggle-pause');
    else if (command === 'step') dispatch('step');
    else if (command === 'speed') dispatch(stepOf('speed', input, key) > 0 ? 'faster' : 'slower');
    else if (command === 'framing') dispatch('switch-framing');
    // q leaves the code, as in `airlock qr show`; the app itself stays.
    else if (command === 'back' || command === 'quit') shell.navigate({ type: 'back' });
    else shell.globalKey(input, key);
  }, true);

  return lines;
}

/**
 * A show brought to what the player's state says each time it is drawn, and only as far as it
 * says: drawing twice changes nothing, so the frames advance once per tick however often React draws.
 */
class ShownAsState {
  private readonly show: QrShow;
  private drawn = { columns: -1, rows: -1, advanced: 0 };

  constructor(source: ShowSource) {
    this.show = new QrShow(source);
  }

  /** How many codes the show has, as fitted to the size it was last drawn at. */
  get parts(): number {
    return this.show.parts;
  }

  lines(state: PlayerState, columns: number, rows: number): string[] {
    const at = this.drawn;
    if (at.columns !== columns || at.rows !== rows) this.show.resize({ columns, rows });
    this.show.setFraming(state.framing);
    for (let i = at.advanced; i < state.advanced; i++) this.show.advance();
    this.drawn = { columns, rows, advanced: state.advanced };
    return this.show.lines(state);
  }
}
