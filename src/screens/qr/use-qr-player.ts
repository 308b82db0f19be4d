import { useEffect, useMemo, useRef } from 'react';
import { QrShow, type ShowSource } from '../../qr/show.js';
import { commandFor, isInterrupt } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import { initialPlayer, playerReducer } from './qr-player-state.js';

/**
 * The player's keys and clock, and the lines it shows now: `QrShow`'s, the very lines
 * `airlock qr show` draws, fitted to the whole terminal and fitted again when it is resized.
 */
export function useQrPlayer(source: ShowSource): string[] {
  const shell = useShell();
  const [state, dispatch] = useSynchronousReducer(playerReducer, () =>
    initialPlayer(undefined, source.kind === 'payload' ? source.framing : undefined),
  );
  const show = useMemo(() => new QrShow(source), [source]);
  const drawn = useRef({ columns: -1, rows: -1, advanced: 0 });

  // The show changes only here, and only as far as the state says: drawing twice changes nothing.
  const at = drawn.current;
  if (at.columns !== shell.width || at.rows !== shell.height) show.resize({ columns: shell.width, rows: shell.height });
  show.setFraming(state.framing);
  for (let i = at.advanced; i < state.advanced; i++) show.advance();
  drawn.current = { columns: shell.width, rows: shell.height, advanced: state.advanced };

  // A single code stays as it is: no clock, so the screen is not redrawn for nothing.
  const animated = source.kind === 'payload' && show.parts > 1;
  useEffect(() => {
    if (!animated || state.paused) return undefined;
    const timer = setInterval(() => dispatch('tick'), 1000 / state.fps);
    return () => clearInterval(timer);
  }, [animated, state.paused, state.fps]);

  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    const command = commandFor(input, key, ['pause', 'step', 'speed', 'framing', 'back', 'quit']);
    if (command === 'pause') dispatch('toggle-pause');
    else if (command === 'step') dispatch('step');
    else if (command === 'speed') dispatch(input === '-' ? 'slower' : 'faster');
    else if (command === 'framing') dispatch('switch-framing');
    // q leaves the code, as in `airlock qr show`; the app itself stays.
    else if (command === 'back' || command === 'quit') shell.navigate({ type: 'back' });
    else shell.globalKey(input, key);
  }, true);

  return show.lines(state);
}
